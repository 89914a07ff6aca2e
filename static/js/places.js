// The village picker: district (аудан or city) first, then the village within it.
// One list of Mangystau's places (Kazakh name first, Russian second) is fetched the first
// time a picker is used and cached by the browser under its version; the village box then
// suggests, from a native datalist (keyboard and screen readers know it), the villages of
// the district chosen above it; with no district chosen it suggests every place as
// "Village — District" and picking one sets the district. Without this script the
// district is chosen and the name typed, and the server reads both back.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.url) return;
  var url = script.dataset.url;
  var state = "idle";
  var data = null; // {districts: {pk: name}, names: {pk: [name…]}, everywhere: {label: [pk, name]}}

  function load() {
    if (state !== "idle") return;
    state = "loading";
    fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (body) {
        data = { districts: {}, names: {}, everywhere: {} };
        body.districts.forEach(function (district) {
          data.districts[district[0]] = district[1];
          data.names[district[0]] = [];
        });
        body.places.forEach(function (place) {
          var district = place[1], name = place[2];
          (data.names[district] = data.names[district] || []).push(name);
          data.everywhere[name + " — " + data.districts[district]] = [district, name];
        });
        state = "done";
        document.querySelectorAll("[data-village-picker]").forEach(connect);
      })
      .catch(function () { state = "idle"; });
  }

  // One datalist per district, made the first time that district is chosen.
  function listFor(district) {
    var id = district ? "places-list-" + district : "places-list-all";
    if (document.getElementById(id)) return id;
    var values = district ? data.names[district] || [] : Object.keys(data.everywhere);
    var list = document.createElement("datalist");
    list.id = id;
    var fragment = document.createDocumentFragment();
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      fragment.appendChild(option);
    });
    list.appendChild(fragment);
    document.body.appendChild(list);
    return id;
  }

  function parts(picker) {
    return {
      district: picker.querySelector("select[data-places-district]"),
      village: picker.querySelector("input[data-places]"),
    };
  }

  function connect(picker) {
    if (!data) return;
    var p = parts(picker);
    if (!p.district || !p.village) return;
    p.village.setAttribute("list", listFor(p.district.value));
  }

  // A whole-list line picked with no district chosen: the district follows it.
  function settle(picker) {
    var p = parts(picker);
    var found = data && data.everywhere[p.village.value.trim()];
    if (!found) return;
    p.district.value = String(found[0]);
    p.village.value = found[1];
    connect(picker);
  }

  function pickerOf(element) {
    return element && element.closest ? element.closest("[data-village-picker]") : null;
  }

  document.addEventListener("focusin", function (event) {
    var picker = pickerOf(event.target);
    if (!picker) return;
    if (state === "done") connect(picker);
    else load();
  });
  document.addEventListener("change", function (event) {
    var picker = pickerOf(event.target);
    if (!picker || !data) return;
    if (event.target.matches("select")) connect(picker);
    else settle(picker);
  });
  document.addEventListener("input", function (event) {
    var picker = pickerOf(event.target);
    if (picker && data && event.target.matches("input")) settle(picker);
  });
  if (pickerOf(document.activeElement)) load();
})();
