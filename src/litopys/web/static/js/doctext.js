// Event and document pages: scroll each document text box so its highlighted evidence is in view.
(function () {
  "use strict";
  function centre(box, mark) {
    var top = mark.offsetTop;  // .doctext is position: relative
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }
  document.querySelectorAll(".doctext").forEach(function (box) {
    var mark = box.querySelector("mark.evidence");
    if (mark) centre(box, mark);
  });
  // document page: following a link to #rN scrolls the text box to that report's span
  function toHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var anchor = document.getElementById(id);
    var box = document.getElementById("doctext");
    if (!anchor || !box || !box.contains(anchor)) return;
    centre(box, anchor);
    box.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var next = anchor.nextElementSibling;
    if (next && next.tagName === "MARK") next.classList.add("current");
  }
  window.addEventListener("hashchange", toHash);
  toHash();
})();
