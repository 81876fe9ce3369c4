/* After a form marked data-focus-after-submit="<id>" is sent (filters, sort), the new
   page puts focus on that element (the results summary) instead of the top of the
   page, so a keyboard user lands where the answer is. */
(function () {
  "use strict";
  var KEY = "focus-after-submit";
  var wanted = null;
  try { wanted = sessionStorage.getItem(KEY); sessionStorage.removeItem(KEY); } catch (e) {}
  if (wanted) {
    var target = document.getElementById(wanted);
    if (target) {
      if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
      target.focus();
    }
  }
  document.addEventListener("submit", function (event) {
    var id = event.target.getAttribute("data-focus-after-submit");
    if (!id) { return; }
    try { sessionStorage.setItem(KEY, id); } catch (e) {}
  });
})();
