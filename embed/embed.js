(function(){var s=document.currentScript,a=new URL("./",s.src),F=[];
addEventListener("message",function(e){var d=e.data;if(e.origin!==a.origin&&e.origin!=="null"||!d||d.type!=="closer:height"||!(d.height>0))return;
F.forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px"})});
document.querySelectorAll("[data-closer]").forEach(function(el){var f=document.createElement("iframe");
f.src=a.href+"?embed=1";f.title=el.getAttribute("data-title")||"Closer: a check-in on emotional closeness";
f.style.cssText="width:100%;border:0;height:640px;display:block";el.appendChild(f);F.push(f)})})();
