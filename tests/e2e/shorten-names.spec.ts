// The build step that shortens the names the wasm and its JavaScript glue share
// (scripts/shorten-names.mjs), on a small module made by hand. The e2e suite runs the real build.
import { test, expect } from "@playwright/test";
// @ts-expect-error: a plain JavaScript module of the build
import { shortenNames } from "../../scripts/shorten-names.mjs";

const text = (s: string) => [s.length, ...Buffer.from(s)];
const section = (id: number, body: number[]) => [id, body.length, ...body];
const IMPORT = "__wbg_focus_0123456789abcdef";
const EXPORT = "wasm_bindgen_convert_closures_invoke_true";

/** A module importing one function from "./closer_bg.js" and exporting one twice, with a custom section. */
function module(): Uint8Array {
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 0, 0]),
    ...section(2, [1, ...text("./closer_bg.js"), ...text(IMPORT), 0, 0]),
    ...section(3, [1, 0]),
    ...section(7, [2, ...text(EXPORT), 0, 1, ...text("main"), 0, 1]),
    ...section(10, [1, 2, 0, 0x0b]),
    ...section(0, [...text("producers"), 1, 2, 3]),
  ]);
}

const GLUE = `function i(){const e={__proto__:null,${IMPORT}:function(){}};return{__proto__:null,"./closer_bg.js":e}}let E;function f(){E.${EXPORT}();E.main()}`;

test("imports and long exports get short names in the wasm and the glue alike; custom sections go", async () => {
  const { wasm, glue } = shortenNames(module(), GLUE);
  const compiled = new WebAssembly.Module(wasm);
  const imports = WebAssembly.Module.imports(compiled);
  const exports = WebAssembly.Module.exports(compiled).map((e) => e.name);
  expect(imports).toEqual([{ module: "a", name: "a", kind: "function" }]);
  expect(exports).toEqual(["_b", "main"]);
  expect(WebAssembly.Module.customSections(compiled, "producers")).toHaveLength(0);
  expect(glue).toBe("function i(){const e={__proto__:null,a:function(){}};return{__proto__:null,a:e}}let E;function f(){E._b();E.main()}");
  // What the glue gives is what the wasm asks for.
  const instance = new WebAssembly.Instance(compiled, { a: { a: () => {} } });
  expect(typeof instance.exports._b).toBe("function");
  expect(wasm.length).toBeLessThan(module().length);
});

test("a glue that does not name an import exactly once stops the build", async () => {
  expect(() => shortenNames(module(), GLUE.replace(IMPORT, "__wbg_other"))).toThrow(/not exactly one key/);
  expect(() => shortenNames(module(), GLUE.replace("E.main()", `E.main();"${IMPORT}"`))).toThrow(/not exactly one key/);
  expect(() => shortenNames(module(), GLUE.replace('"./closer_bg.js":e', "wbg:e"))).toThrow(/does not give the imports/);
});

test("an export the glue uses other than as a property keeps its name", async () => {
  const { wasm, glue } = shortenNames(module(), GLUE.replace("E.main()", `E.main();console.log("${EXPORT}")`));
  expect(WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name)).toEqual([EXPORT, "main"]);
  expect(glue).toContain(`E.${EXPORT}()`);
});
