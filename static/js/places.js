// The village picker: one list of Mangystau's places (Kazakh name first, Russian second),
// fetched the first time a village box is focused and cached by the browser under its
// version, then offered under every village box as the person types. Without this
// script the box still takes a typed name, which the server reads back.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.url) return;
  var url = script.dataset.url;
  var state = "idle";

  function load() {
    if (state !== "idle") return;
    state = "loading";
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (data) {
        var list = document.getElementById("places-list") || document.createElement("datalist");
        list.id = "places-list";
        var fragment = document.createDocumentFragment();
        data.places.forEach(function (place) {
          var option = document.createElement("option");
          option.value = place[1];
          fragment.appendChild(option);
        });
        list.replaceChildren(fragment);
        document.body.appendChild(list);
        state = "done";
      })
      .catch(function () { state = "idle"; });
  }

  function isPlaceBox(element) {
    return element && element.matches && element.matches("input[data-places]");
  }

  document.addEventListener("focusin", function (event) {
    if (isPlaceBox(event.target)) load();
  });
  if (isPlaceBox(document.activeElement)) load();
})();
