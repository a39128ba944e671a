// "Add another article" on the submission form: clones the blank article box and renumbers its fields. A form
// that came back refused starts with the focus on its error, so that the keyboard and a screen reader begin there.
(function () {
  "use strict";
  var error = document.getElementById("form-error");
  if (error) { error.focus(); }
  var button = document.getElementById("add-article");
  var boxes = document.getElementById("boxes");
  var template = document.getElementById("box-template");
  if (!button || !boxes || !template) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    var n = boxes.querySelectorAll("[data-box]").length + 1;
    var box = template.content.firstElementChild.cloneNode(true);
    box.querySelector("[data-n]").textContent = String(n);
    box.querySelectorAll("[id]").forEach(function (el) { el.id = el.id.replace(/-N$/, "-" + n); });
    box.querySelectorAll("label[for]").forEach(function (el) {
      el.setAttribute("for", el.getAttribute("for").replace(/-N$/, "-" + n));
    });
    box.querySelectorAll("input[type=checkbox]").forEach(function (el) { el.value = String(n); });
    boxes.appendChild(box);
    box.querySelector("textarea").focus();
  });
})();
