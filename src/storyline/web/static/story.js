// Source popovers on the story page: hover, keyboard focus or tap a source number to see the sentence in
// its article; Escape or a tap elsewhere closes it. Without this script the numbers are plain links.
(function () {
  "use strict";
  var open = null;
  var hideTimer = null;
  var lastPointer = "mouse";
  var shownBeforeTap = false; // was this mark's popover already open when the current tap began?
  var closing = false; // Escape gives the focus back to the number: that focus must not open it again

  function tipOf(mark) { return document.getElementById(mark.getAttribute("data-tip")); }

  function show(mark) {
    clearTimeout(hideTimer);
    if (open && open !== mark) { hide(open); }
    var tip = tipOf(mark);
    if (!tip) { return; }
    tip.hidden = false;
    mark.setAttribute("aria-expanded", "true");
    open = mark;
    // Keep the popover inside the viewport on narrow screens (CSS handles phones).
    tip.style.left = "";
    var r = tip.getBoundingClientRect();
    if (r.right > window.innerWidth - 8) {
      tip.style.left = Math.min(0, window.innerWidth - 8 - r.right) + "px";
    }
    // On a phone the popover is pinned to the bottom of the screen: scroll the number it belongs to (and its
    // sentence) above it rather than under it (the page gets room below for that while a popover is open).
    if (window.getComputedStyle(tip).position === "fixed") {
      document.body.classList.add("tip-open");
      var m = mark.getBoundingClientRect();
      var top = tip.getBoundingClientRect().top;
      if (m.bottom > top - 8) { window.scrollBy({ top: m.bottom - top + 8, behavior: "instant" }); }
    }
  }

  function hide(mark) {
    var tip = tipOf(mark);
    if (tip) { tip.hidden = true; }
    mark.setAttribute("aria-expanded", "false");
    if (open === mark) { open = null; }
    if (!open) { document.body.classList.remove("tip-open"); }
  }

  function hideSoon(mark) {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { hide(mark); }, 250);
  }

  document.querySelectorAll("a.mark[data-tip]").forEach(function (mark) {
    var cite = mark.parentNode;
    mark.setAttribute("aria-expanded", "false");
    cite.addEventListener("mouseenter", function () { if (lastPointer === "mouse") { show(mark); } });
    cite.addEventListener("mouseleave", function () { if (lastPointer === "mouse") { hideSoon(mark); } });
    mark.addEventListener("focus", function () { if (!closing) { show(mark); } });
    cite.addEventListener("focusout", function (e) {
      if (!cite.contains(e.relatedTarget)) { hide(mark); }
    });
    mark.addEventListener("pointerdown", function (e) {
      lastPointer = e.pointerType || "mouse";
      shownBeforeTap = open === mark;
    });
    mark.addEventListener("click", function (e) {
      // On touch there is no hover: the first tap shows the popover, whose link opens the article. The tap
      // also focuses the mark, which opens the popover before this click arrives, so ask what was open
      // when the tap began, not now.
      if (lastPointer === "touch" && !shownBeforeTap) {
        e.preventDefault();
        show(mark);
        shownBeforeTap = true;
      }
    });
  });

  document.addEventListener("keydown", function (e) {
    // From the popover's own link too: the focus goes back to its number, the popover stays closed.
    if (e.key === "Escape" && open) {
      var m = open;
      hide(m);
      closing = true;
      m.focus();
      closing = false;
    }
  });
  document.addEventListener("pointerdown", function (e) {
    lastPointer = e.pointerType || "mouse";
    if (open && !open.parentNode.contains(e.target)) { hide(open); }
  });
})();
