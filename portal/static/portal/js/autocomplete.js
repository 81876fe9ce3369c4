/* Header search: suggestions from the second character, as an ARIA combobox.
   Without JavaScript the form still submits to the search page. */
(function () {
  "use strict";
  var form = document.querySelector("form.header-search");
  if (!form) { return; }
  var input = form.querySelector("input[role=combobox]");
  var list = document.getElementById(input.getAttribute("aria-controls"));
  var status = document.getElementById("suggestions-statut");
  var url = form.getAttribute("data-suggest-url");
  var active = -1, timer = null, controller = null;

  function close() {
    list.hidden = true; list.innerHTML = ""; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function render(items) {
    list.innerHTML = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = item.url;  // already in the page's language
      var kind = document.createElement("span");
      kind.className = "fr-badge fr-badge--sm fr-badge--no-icon";
      kind.textContent = item.type_label;
      var label = document.createElement("span");
      label.textContent = " " + item.label;
      option.appendChild(kind); option.appendChild(label);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); window.location.href = option.dataset.url;
      });
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    status.textContent = items.length + (items.length > 1 ? " suggestions" : " suggestion");
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) { option.setAttribute("aria-selected", i === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    clearTimeout(timer);
    if (query.length < 2) { close(); return; }
    timer = setTimeout(function () {
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(query), { signal: controller.signal, headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (body) { render(body.suggestions || []); })
        .catch(function () {});
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    // A search field clears itself on Escape: keep the query, close the list only.
    else if (event.key === "Escape") { event.preventDefault(); close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      window.location.href = list.querySelectorAll("[role=option]")[active].dataset.url;
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
})();
