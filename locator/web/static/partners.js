// Rebuild the embed snippet and preview as soon as a partner changes a choice.
(function () {
  "use strict";
  var form = document.getElementById("embed-builder");
  var snippet = document.getElementById("embed-snippet");
  var preview = document.getElementById("embed-preview");
  if (!form || !snippet || !preview) {
    return;
  }
  var base = window.location.origin;

  function update() {
    var area = form.elements.area.value;
    var facilities = Array.prototype.filter
      .call(form.querySelectorAll("input[name=facilities]"), function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    var height = parseInt(form.elements.height.value, 10);
    if (!(height >= 300 && height <= 2000)) {
      height = 600;
    }
    var path = "/embed?area=" + encodeURIComponent(area);
    if (facilities.length) {
      path += "&facilities=" + facilities.join(",");
    }
    var areaName = form.elements.area.options[form.elements.area.selectedIndex].text;
    var frame = document.createElement("iframe");
    frame.setAttribute("src", base + path);
    frame.setAttribute("title", "Safe spaces in " + areaName);
    frame.setAttribute("width", "100%");
    frame.setAttribute("height", String(height));
    frame.setAttribute("style", "border:0");
    frame.setAttribute("loading", "lazy");
    frame.setAttribute("allow", "geolocation");
    snippet.value = frame.outerHTML;
    preview.setAttribute("src", path);
    preview.setAttribute("height", String(height));
  }

  form.addEventListener("change", update);
  form.addEventListener("input", function (event) {
    if (event.target.name === "height") {
      update();
    }
  });
})();
