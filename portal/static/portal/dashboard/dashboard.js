/* The dashboard's small enhancements; the page works and prints without them.
   - the "Imprimer" button appears and opens the print dialog;
   - in the network drawing, hovering a team or an institute highlights its links and
     the nodes at their other end. The drawing holds no focusable element: keyboard
     and screen-reader users read the same links in the table beside it. */
(function () {
  "use strict";

  var printButton = document.querySelector(".dashboard-print");
  if (printButton) {
    printButton.hidden = false;
    printButton.addEventListener("click", function () { window.print(); });
  }

  document.querySelectorAll("svg#chart-network").forEach(function (svg) {
    var edges = svg.querySelectorAll(".network-link, .network-tie");

    function nodeElement(key) {
      return svg.querySelector('[data-node="' + key + '"]');
    }

    function highlight(key) {
      svg.classList.add("network-focus");
      var own = nodeElement(key);
      if (own) { own.classList.add("is-active"); }
      edges.forEach(function (edge) {
        var a = edge.getAttribute("data-a"), b = edge.getAttribute("data-b");
        if (a === key || b === key) {
          edge.classList.add("is-active");
          var other = nodeElement(a === key ? b : a);
          if (other) { other.classList.add("is-active"); }
        }
      });
    }

    function reset() {
      svg.classList.remove("network-focus");
      svg.querySelectorAll(".is-active").forEach(function (element) {
        element.classList.remove("is-active");
      });
    }

    svg.querySelectorAll("[data-node]").forEach(function (node) {
      var key = node.getAttribute("data-node");
      node.addEventListener("mouseenter", function () { highlight(key); });
      node.addEventListener("mouseleave", reset);
    });
  });
})();
