// "Add another article" on the submission form: clones the blank article box and renumbers its fields. A form
// that came back refused (a new story's, or a story page's edit) starts with the focus on its error, so that the
// keyboard and a screen reader begin there.
// A form that summarizes (a new story, an article added to one) says so in its live region while the server
// works (a long article took 17 s on a busy machine, with nothing on the page saying anything was happening),
// and a second click sends nothing more.
(function () {
  "use strict";
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    var status = document.getElementById(form.getAttribute("data-status"));
    var sent = false;
    form.addEventListener("submit", function (e) {
      if (sent) { e.preventDefault(); return; }
      sent = true;
      form.setAttribute("aria-busy", "true");
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
      if (status) { status.textContent = form.getAttribute("data-busy"); }
    });
    // Back from the next page (or from the browser's own error page when the server could not be reached)
    // shows the form as it was left: it can be sent again.
    window.addEventListener("pageshow", function () {
      sent = false;
      form.removeAttribute("aria-busy");
      form.querySelectorAll("button[type=submit]").forEach(function (b) { b.removeAttribute("aria-disabled"); });
      if (status) { status.textContent = ""; }
    });
  });
  var error = document.getElementById("form-error") || document.getElementById("edit-error");
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
