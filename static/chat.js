// The chat panel: sends the message (and the position, only if the person shared it on this
// page) to the assistant and shows the reply. Nothing is stored in the browser.
(function () {
  "use strict";
  var form = document.getElementById("chat-form");
  var input = document.getElementById("chat-message");
  var log = document.getElementById("chat-log");
  if (!form || !input || !log || !window.fetch) {
    return;
  }
  var linkTarget = document.body.classList.contains("page-embed") ? "_blank" : null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function localTime() {
    var now = new Date();
    var pad = function (n) { return String(n).padStart(2, "0"); };
    // Without an offset the server reads this as London time, which is what the person sees.
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()) +
      "T" + pad(now.getHours()) + ":" + pad(now.getMinutes());
  }

  function showReply(reply) {
    var box = element("div", "chat-message from-helper" + (reply.emergency ? " is-emergency" : ""));
    if (reply.emergency) {
      var call = element("p", "chat-999");
      var link = element("a", null, "Call 999");
      link.href = "tel:999";
      call.appendChild(link);
      if (reply.failed) {
        call.appendChild(element("span", "chat-silent", "Can't speak? Dial 999 then press 55."));
      }
      box.appendChild(call);
    }
    box.appendChild(element("p", null, reply.reply));
    if (reply.results && reply.results.length) {
      var list = element("ul", "chat-results");
      reply.results.forEach(function (r) {
        var item = element("li");
        var place = element("a", null, r.name);
        place.href = "/spaces/" + encodeURIComponent(r.id);
        if (linkTarget) {
          place.target = linkTarget;
          place.rel = "noopener";
        }
        item.appendChild(place);
        item.appendChild(document.createTextNode(" · " + (r.distance_text || "") + " · " + r.status_text));
        if (window.SafeSpacesMap) {
          var show = element("button", "link-button", "Show on map");
          show.type = "button";
          show.setAttribute("aria-label", "Show " + r.name + " on the map");
          show.addEventListener("click", function () { window.SafeSpacesMap.show(r.lat, r.lon); });
          item.appendChild(document.createTextNode(" "));
          item.appendChild(show);
        }
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (reply.helplines && reply.helplines.length) {
      var lines = element("ul", "chat-helplines");
      reply.helplines.forEach(function (line) {
        var item = element("li");
        var call = element("a", null, line.name + ": " + line.phone);
        call.href = "tel:" + line.phone.replace(/\s+/g, "");
        item.appendChild(call);
        lines.appendChild(item);
      });
      box.appendChild(lines);
    }
    log.appendChild(box);
    box.scrollIntoView({ block: "nearest" });
  }

  // When the helper cannot answer (too many requests, no network, a server error), the panel
  // still shows how to get help now.
  function showFailure(message) {
    showReply({ reply: message, emergency: true, failed: true });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var message = input.value.trim();
    if (!message) {
      input.focus();
      return;
    }
    var mine = element("div", "chat-message from-you");
    mine.appendChild(element("span", "visually-hidden", "You said: "));
    mine.appendChild(document.createTextNode(message));
    log.appendChild(mine);
    input.value = "";
    var body = { message: message, at: localTime() };
    var position = window.SafeSpacesMap && window.SafeSpacesMap.position;
    if (position) {
      body.lat = position.lat;
      body.lon = position.lon;
    }
    fetch("/api/v1/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit"
    })
      .then(function (response) {
        // A proxy's 502 or 504 page is not JSON: that is a failure too, not a broken panel.
        return response.json()
          .catch(function () { return null; })
          .then(function (data) { return { ok: response.ok && data !== null, data: data }; });
      })
      .then(function (result) {
        if (result.ok) {
          showReply(result.data);
        } else {
          var error = result.data && result.data.error;
          showFailure((error && error.message) || "Sorry, something went wrong.");
        }
      })
      .catch(function () {
        showFailure("Sorry, I could not reach the service.");
      })
      .finally(function () { input.focus(); });
  });
})();
