/* Suggestions as an ARIA combobox, for every form with a data-suggest-url: the header
   search and the data-source search of /mes-donnees/. Without JavaScript each form
   still submits to its search page.
   The form says where its parts are and how to count: its input has
   aria-controls (the listbox); data-suggest-status is the id of the live region;
   data-suggest-one / data-suggest-many are the counted words ("suggestion(s)").
   The endpoint answers {"suggestions": [{"url", "label", "type_label"?, "place"?}]},
   each url already in the page's language. */
(function () {
  "use strict";

  function combobox(form) {
    var input = form.querySelector("input[aria-controls]");
    if (!input) { return; }
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(form.getAttribute("data-suggest-status"));
    var url = form.getAttribute("data-suggest-url");
    var one = form.getAttribute("data-suggest-one") || "suggestion";
    var many = form.getAttribute("data-suggest-many") || "suggestions";
    var active = -1, timer = null, controller = null;

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");

    function close() {
      list.hidden = true; list.innerHTML = ""; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }

    function go(option) { window.location.href = option.dataset.url; }

    function option(item, index) {
      var element = document.createElement("li");
      element.id = list.id + "-" + index;
      element.setAttribute("role", "option");
      element.setAttribute("aria-selected", "false");
      element.dataset.url = item.url;
      if (item.type_label) {
        var kind = document.createElement("span");
        kind.className = "fr-badge fr-badge--sm fr-badge--no-icon fr-mr-1w";
        kind.textContent = item.type_label;
        element.appendChild(kind);
      }
      var label = document.createElement("span");
      label.textContent = item.label + (item.place ? " — " + item.place : "");
      element.appendChild(label);
      element.addEventListener("mousedown", function (event) {
        event.preventDefault(); go(element);
      });
      return element;
    }

    function render(items) {
      list.innerHTML = "";
      items.forEach(function (item, index) { list.appendChild(option(item, index)); });
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
      if (status) { status.textContent = items.length + " " + (items.length > 1 ? many : one); }
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      if (!options.length) { return; }
      active = (index + options.length) % options.length;
      options.forEach(function (element, i) {
        element.setAttribute("aria-selected", i === active ? "true" : "false");
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
      // A search field clears itself on Escape: keep the query, close the list only.
      else if (event.key === "Escape") { event.preventDefault(); close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault(); go(list.querySelectorAll("[role=option]")[active]);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  if (!window.fetch) { return; }
  document.querySelectorAll("form[data-suggest-url]").forEach(combobox);
})();
