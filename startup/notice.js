// When Closer cannot start, or stops on an error (a trap), the page says so in the language it
// picked (content/<language>/shell.toml) and offers a reload, instead of staying blank or frozen.

/** Shows `text` with a reload button (once: a second call while it shows does nothing). */
export function tell(doc, text, reloadWords, reload) {
  if (doc.getElementById("shell-alert")) return;
  const note = doc.createElement("div");
  note.id = "shell-alert";
  note.className = "shell-note";
  note.setAttribute("role", "alert");
  const line = doc.createElement("p");
  line.textContent = text;
  const again = doc.createElement("button");
  again.type = "button";
  again.textContent = reloadWords;
  again.addEventListener("click", () => reload());
  note.append(line, again);
  doc.body.prepend(note);
  again.focus();
}
