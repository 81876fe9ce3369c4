/* /mes-donnees/: suggestions of data sources as an ARIA combobox. Without JavaScript
   the form is a plain GET search that lists the matching sources. */
(function () {
  "use strict";
  var form = document.querySelector("form.mydata-search");
  if (!form || !window.fetch) { return; }
  var input = form.querySelector("input[name=q]");
  var list = document.getElementById("source-suggestions");
  var status = document.getElementById("source-suggestions-status");
  var url = form.getAttribute("data-suggest-url");
  var active = -1, timer = null, controller = null;

  form.style.position = "relative";
  list.className = "search-suggestions";
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);

  function close() {
    list.hidden = true; list.innerHTML = ""; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function go(option) { window.location.href = option.getAttribute("data-path"); }

  function render(items) {
    list.innerHTML = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = "source-suggestion-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-path", item.path);
      option.textContent = item.label + (item.place ? " — " + item.place : "");
      option.addEventListener("mousedown", function (event) {
        event.preventDefault(); go(option);
      });
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    status.textContent = items.length + " " + (document.documentElement.lang === "en"
      ? (items.length > 1 ? "sources suggested" : "source suggested")
      : (items.length > 1 ? "sources proposées" : "source proposée"));
  }

  function highlight(index) {
    var options = list.querySelectorAll("[role=option]");
    if (!options.length) { return; }
    active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === active ? "true" : "false");
    });
    input.setAttribute("aria-activedescendant", options[active].id);
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    clearTimeout(timer);
    if (query.length < 2) { close(); return; }
    timer = setTimeout(function () {
      if (controller) { controller.abort(); }
      controller = new AbortController();
      fetch(url + "?q=" + encodeURIComponent(query), {
        signal: controller.signal, headers: { Accept: "application/json" }
      })
        .then(function (response) { return response.json(); })
        .then(function (body) { render(body.suggestions || []); })
        .catch(function () {});
    }, 150);
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(active + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(active - 1); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0) {
      event.preventDefault(); go(list.querySelectorAll("[role=option]")[active]);
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
})();
