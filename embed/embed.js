(function(){var s=document.currentScript,a=new URL("./",s.src),F=[],T={es:"Closer: un cuestionario sobre la cercanía emocional"};
addEventListener("message",function(e){var d=e.data;if(e.origin!==a.origin&&e.origin!=="null"||!d||d.type!=="closer:height"||!(d.height>0))return;
F.forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px"})});
document.querySelectorAll("[data-closer]").forEach(function(el){var f=document.createElement("iframe"),l=el.getAttribute("data-lang");
f.src=a.href+"?embed=1"+(l?"&lang="+encodeURIComponent(l):"");f.title=el.getAttribute("data-title")||T[l]||"Closer: a check-in on emotional closeness";
if(l)f.lang=l;f.style.cssText="width:100%;border:0;height:640px;display:block";el.appendChild(f);F.push(f)})})();
