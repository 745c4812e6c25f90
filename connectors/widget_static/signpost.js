/*!
 * Signpost website chat widget (docs/widget.md).
 *
 *   <script src="https://SIGNPOST-SERVER/webhooks/widget/signpost.js" async></script>
 *
 * Optional data- attributes on that tag: data-server, data-institution, data-title,
 * data-colour, data-text-colour, data-exit-url, data-open="true".
 *
 * Stores NOTHING in the browser: no cookies, localStorage, sessionStorage or IndexedDB. The
 * conversation id is random, made in memory for this page load, and never written down.
 * Message text is only ever put on the page as text (textContent), never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !window.fetch || !window.crypto || !window.crypto.getRandomValues) return;
  if (!window.URL || !window.AbortController || !Element.prototype.attachShadow) return;

  var DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather";
  var DEFAULT_TITLE = "Signpost";
  var DEFAULT_COLOUR = "#1f3d63";
  var DEFAULT_TEXT_COLOUR = "#ffffff";
  var SHIFT_PRESSES = 3;
  var SHIFT_WINDOW_MS = 5000;
  var TIMEOUT_MS = 30000;
  var MAX_MESSAGE_CHARS = 2000;
  var ERROR_TEXT =
    "Sorry, I can't reach Signpost right now. If you are in danger, call 999. " +
    "You can try again in a moment.";
  // Downloads are only offered as types a browser will not run as a page in this site's origin.
  var SAFE_FILE_TYPES = [
    "text/plain", "text/csv", "application/pdf", "application/json", "application/zip",
    "application/octet-stream",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.oasis.opendocument.text"
  ];

  // ---- settings from the script tag ---------------------------------------------------------

  function httpUrl(value) {
    if (!value) return "";
    var url;
    try {
      url = new URL(value, window.location.href);
    } catch (error) {
      return "";
    }
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : "";
  }

  function hexColour(value) {
    var match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((value || "").trim());
    if (!match) return "";
    var hex = match[1];
    if (hex.length === 3) hex = hex.replace(/(.)/g, "$1$1");
    return "#" + hex.toLowerCase();
  }

  function luminance(hex) {
    var channels = [1, 3, 5].map(function (start) {
      var value = parseInt(hex.slice(start, start + 2), 16) / 255;
      return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
  }

  function contrast(a, b) {
    var la = luminance(a);
    var lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  var data = script.dataset;
  var scriptUrl = new URL(script.src, window.location.href);
  var assetBase = new URL(".", scriptUrl).href;
  var settings = {
    server: (httpUrl(data.server) || new URL("../..", assetBase).href).replace(/\/+$/, ""),
    institution: /^[a-z0-9_-]{1,40}$/i.test(data.institution || "") ? data.institution : "",
    title: (data.title || "").trim().slice(0, 60) || DEFAULT_TITLE,
    exitUrl: httpUrl(data.exitUrl) || DEFAULT_EXIT_URL,
    colour: hexColour(data.colour || data.color) || DEFAULT_COLOUR,
    textColour: hexColour(data.textColour || data.textColor) || DEFAULT_TEXT_COLOUR,
    open: data.open === "true"
  };
  if (contrast(settings.colour, settings.textColour) < 4.5) {
    // Readable beats on-brand: WCAG AA needs 4.5:1 for text.
    if (window.console) {
      window.console.warn("Signpost: data-colour and data-text-colour contrast below 4.5:1; " +
        "using the default colours.");
    }
    settings.colour = DEFAULT_COLOUR;
    settings.textColour = DEFAULT_TEXT_COLOUR;
  }

  // ---- small helpers ----------------------------------------------------------------------

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function hidden(text) {
    return el("span", { "class": "sp-visually-hidden", text: text });
  }

  function newSenderId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (byte) {
      return (byte + 256).toString(16).slice(1);
    }).join("");
  }

  // ---- message text: text nodes only, a little formatting, safe links ----------------------

  // An http(s) URL, a UK number (01/02/03/07/08 with 10 or 11 digits, or +44), or a short code.
  var TOKEN = new RegExp(
    "(https?:\\/\\/[^\\s<>\"'`]+)" +
    "|(\\+44\\s?\\(?0?\\)?\\s?\\d{2,4}[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}" +
    "|0\\d{2,4}[\\s-]?\\d{3,4}[\\s-]?\\d{3,4})" +
    "|(999|112|101|111|116\\s?\\d{3})",
    "g"
  );
  var TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

  function link(href, text, external) {
    var anchor = el("a", { href: href }, [text]);
    if (external) {
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      anchor.appendChild(hidden(" (opens in a new tab)"));
    }
    return anchor;
  }

  function phoneHref(text) {
    var digits = text.replace(/[^\d+]/g, "");
    if (digits.charAt(0) === "+") {
      digits = "+44" + digits.slice(3).replace(/^0/, "");
      return digits.length === 13 ? "tel:" + digits : "";
    }
    if (digits.charAt(0) === "0") {
      return digits.length === 10 || digits.length === 11 ? "tel:" + digits : "";
    }
    return "tel:" + digits;
  }

  function appendLinked(parent, text) {
    var last = 0;
    var match;
    TOKEN.lastIndex = 0;
    while ((match = TOKEN.exec(text)) !== null) {
      var start = match.index;
      var found = match[0];
      var node = null;
      if (match[1]) {
        var tail = (TRAILING_PUNCTUATION.exec(found) || [""])[0];
        found = found.slice(0, found.length - tail.length);
        var href = httpUrl(found);
        if (href && /^https?:\/\/[^/]/i.test(found)) node = link(href, found, true);
      } else {
        var before = start > 0 ? text.charAt(start - 1) : "";
        var after = text.charAt(start + found.length);
        if (!/[0-9A-Za-z+£$€#]/.test(before) && !/[0-9]/.test(after)) {
          var tel = phoneHref(found);
          if (tel) node = link(tel, found, false);
        }
      }
      if (!node) continue;
      if (start > last) parent.appendChild(document.createTextNode(text.slice(last, start)));
      parent.appendChild(node);
      last = start + found.length;
      TOKEN.lastIndex = last;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function appendLine(parent, line) {
    var bold = /\*\*(?=\S)([^*]*?\S)\*\*/g;
    var last = 0;
    var match;
    while ((match = bold.exec(line)) !== null) {
      if (match.index > last) appendLinked(parent, line.slice(last, match.index));
      var strong = el("strong");
      appendLinked(strong, match[1]);
      parent.appendChild(strong);
      last = match.index + match[0].length;
    }
    if (last < line.length) appendLinked(parent, line.slice(last));
  }

  function renderText(into, text) {
    text.replace(/\r\n?/g, "\n").split(/\n\s*\n/).forEach(function (paragraph) {
      if (!paragraph.trim()) return;
      var p = el("p");
      paragraph.split("\n").forEach(function (line, index) {
        if (index > 0) p.appendChild(el("br"));
        appendLine(p, line);
      });
      into.appendChild(p);
    });
  }

  // ---- the widget ---------------------------------------------------------------------------

  var sender = newSenderId();
  var alive = true;
  var started = false;
  var busy = false;
  var request = null;
  var blobUrls = [];
  var host;
  var parts = {};

  function build() {
    host = el("div", { id: "signpost-widget", "data-signpost-widget": "" });
    host.style.setProperty("--sp-colour", settings.colour);
    host.style.setProperty("--sp-text-colour", settings.textColour);
    var root = host.attachShadow({ mode: "open" });
    var stylesheet = el("link", { rel: "stylesheet", href: assetBase + "signpost.css" });
    var frame = el("div", { "class": "sp", hidden: true });
    var reveal = function () { frame.hidden = false; };
    stylesheet.addEventListener("load", reveal);
    stylesheet.addEventListener("error", reveal); // unstyled but usable beats invisible
    window.setTimeout(reveal, 4000);

    var exitHint = el("span", {
      id: "sp-exit-hint", "class": "sp-visually-hidden",
      text: "Leaves this site at once and clears this chat from the screen. " +
        "You can also press the Shift key 3 times."
    });
    function exitButton(extraClass) {
      var button = el("button", {
        type: "button", "class": "sp-exit " + extraClass, "aria-describedby": "sp-exit-hint"
      }, ["Leave this site"]);
      button.addEventListener("click", quickExit);
      return button;
    }

    // Closed: a bar with the quick exit and the launcher.
    parts.launcher = el("button", {
      type: "button", "class": "sp-launch", "aria-expanded": "false",
      "aria-controls": "sp-panel"
    }, ["Chat to " + settings.title]);
    parts.bar = el("div", { "class": "sp-bar" }, [exitButton("sp-exit--bar"), parts.launcher]);

    // Open: the panel.
    parts.heading = el("h2", { id: "sp-title", "class": "sp-title", tabindex: "-1" },
      [settings.title]);
    parts.close = el("button", {
      type: "button", "class": "sp-close", "aria-label": "Hide the chat"
    }, ["Hide"]);
    var header = el("div", { "class": "sp-head" }, [parts.heading, exitButton("sp-exit--head"),
      parts.close]);
    var notice = el("p", { "class": "sp-notice" });
    appendLinked(notice, "An automated assistant: not a person, not an emergency service. " +
      "In danger now? Call 999.");
    parts.log = el("div", {
      "class": "sp-log", role: "log", "aria-live": "polite", "aria-relevant": "additions",
      "aria-label": "Conversation", tabindex: "0"
    });
    parts.typing = el("div", { "class": "sp-typing", hidden: true, "aria-hidden": "true" },
      [el("span"), el("span"), el("span")]);
    parts.input = el("input", {
      id: "sp-input", "class": "sp-input", type: "text", autocomplete: "off",
      autocapitalize: "sentences", enterkeyhint: "send", maxlength: String(MAX_MESSAGE_CHARS)
    });
    parts.send = el("button", { type: "submit", "class": "sp-send" }, ["Send"]);
    parts.form = el("form", { "class": "sp-form", autocomplete: "off", novalidate: true }, [
      el("label", { "for": "sp-input", "class": "sp-label", text: "Type your message" }),
      el("div", { "class": "sp-row" }, [parts.input, parts.send])
    ]);
    parts.safetyButton = el("button", {
      type: "button", "class": "sp-link", "aria-expanded": "false", "aria-controls": "sp-safety"
    }, ["Staying safe online"]);
    var footer = el("div", { "class": "sp-foot" }, [parts.safetyButton]);
    parts.chat = el("div", { "class": "sp-chat" }, [notice, parts.log, parts.typing, parts.form,
      footer]);
    parts.safety = buildSafetyNote();
    parts.panel = el("section", {
      id: "sp-panel", "class": "sp-panel", "aria-labelledby": "sp-title", hidden: true
    }, [header, parts.chat, parts.safety]);
    parts.announcer = el("div", { "class": "sp-visually-hidden", role: "status" });

    frame.appendChild(parts.bar);
    frame.appendChild(parts.panel);
    frame.appendChild(exitHint);
    frame.appendChild(parts.announcer);
    root.appendChild(stylesheet);
    root.appendChild(frame);

    parts.launcher.addEventListener("click", function (event) {
      openPanel(event.detail === 0 ? "keyboard" : "pointer");
    });
    parts.close.addEventListener("click", closePanel);
    parts.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = parts.input.value.trim();
      if (!text || busy) return;
      parts.input.value = "";
      send(text, text, "typed");
    });
    parts.safetyButton.addEventListener("click", function () { showSafety(true); });
    root.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      if (!parts.safety.hidden) showSafety(false);
      else if (!parts.panel.hidden) closePanel();
    });
    document.addEventListener("keydown", countShiftReset, true);
    document.addEventListener("keyup", countShift, true);

    document.body.appendChild(host);
    if (settings.open) openPanel("page");
  }

  function buildSafetyNote() {
    var back = el("button", { type: "button", "class": "sp-back" }, ["Back to the chat"]);
    back.addEventListener("click", function () { showSafety(false); });
    var points = [
      "**Leave this site** (the red button, or press Shift 3 times) clears this chat from " +
        "the screen and takes you straight to an everyday website.",
      "It **cannot remove your browser history**. This page, and pages you visited before, " +
        "stay in the history and the back button can still find this site.",
      "A **private or incognito window** keeps no history once you close it: Ctrl+Shift+N in " +
        "Chrome or Edge, Ctrl+Shift+P in Firefox, or \"new private tab\" on a phone.",
      "You can **delete this site from your history** afterwards. Clearing all of it may be " +
        "noticed by someone who checks; removing only these pages is less obvious.",
      "If you're signed in to your browser, history can **sync to your other devices**.",
      "This chat **saves nothing on your device**: no cookies, no saved messages. Signpost " +
        "forgets the conversation 30 minutes after your last message. Files you download " +
        "stay on the device until you delete them.",
      "If someone may **see or check your device** (a shared computer, a phone they know the " +
        "code to, or an app they installed), use a device they can't get to, such as a " +
        "friend's phone or a library computer.",
      "If you are in danger now, call 999."
    ];
    var list = el("ul");
    points.forEach(function (point) {
      var item = el("li");
      appendLine(item, point);
      list.appendChild(item);
    });
    parts.safetyHeading = el("h3", { id: "sp-safety-title", tabindex: "-1",
      text: "Staying safe online" });
    return el("div", {
      id: "sp-safety", "class": "sp-safety", role: "region",
      "aria-labelledby": "sp-safety-title", hidden: true
    }, [parts.safetyHeading, list, back]);
  }

  function showSafety(show) {
    parts.safety.hidden = !show;
    parts.chat.hidden = show;
    parts.safetyButton.setAttribute("aria-expanded", show ? "true" : "false");
    if (show) parts.safetyHeading.focus();
    else parts.safetyButton.focus();
  }

  // how: "keyboard" or "pointer" (the launcher), "page" (data-open: focus is left alone).
  function openPanel(how) {
    parts.panel.hidden = false;
    parts.bar.hidden = true;
    parts.launcher.setAttribute("aria-expanded", "true");
    // Keyboard: straight to the input. Pointer: the heading, so no phone keyboard pops up.
    if (how === "keyboard") parts.input.focus();
    else if (how === "pointer") parts.heading.focus();
    if (!started) {
      started = true;
      send("/greet", null, "start");
    }
  }

  function closePanel() {
    parts.panel.hidden = true;
    parts.bar.hidden = false;
    parts.launcher.setAttribute("aria-expanded", "false");
    parts.launcher.focus();
  }

  // ---- the quick exit -------------------------------------------------------------------------

  // The GOV.UK "Exit this page" gesture: Shift pressed and released on its own 3 times within
  // 5 seconds. Shift used with another key (capitals, Shift+Tab) never counts and starts again.
  var shiftCount = 0;
  var shiftTimer = 0;
  var shiftUsed = false;

  function resetShift() {
    shiftCount = 0;
    window.clearTimeout(shiftTimer);
    shiftTimer = 0;
    if (parts.announcer) parts.announcer.textContent = "";
  }

  function countShiftReset(event) {
    if (event.key === "Shift") {
      if (!event.repeat) shiftUsed = false;
      return;
    }
    shiftUsed = true;
    if (shiftCount) resetShift();
  }

  function countShift(event) {
    if (event.key !== "Shift") return;
    if (shiftUsed) {
      shiftUsed = false;
      return;
    }
    shiftCount += 1;
    if (shiftCount >= SHIFT_PRESSES) {
      quickExit();
      return;
    }
    if (!shiftTimer) shiftTimer = window.setTimeout(resetShift, SHIFT_WINDOW_MS);
    var left = SHIFT_PRESSES - shiftCount;
    parts.announcer.textContent =
      "Shift, press " + left + " more time" + (left === 1 ? "" : "s") + " to leave this site.";
  }

  function quickExit(event) {
    if (event && event.preventDefault) event.preventDefault();
    alive = false;
    resetShift();
    document.removeEventListener("keydown", countShiftReset, true);
    document.removeEventListener("keyup", countShift, true);
    if (request) request.abort();
    blobUrls.forEach(function (url) { window.URL.revokeObjectURL(url); });
    blobUrls = [];
    // The conversation leaves the page first, then the rest of the page, then the page itself.
    if (host && host.parentNode) host.parentNode.removeChild(host);
    host = null;
    parts = {};
    try {
      document.title = "";
      if (document.body) {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
      }
    } catch (error) {
      // Leaving matters more than tidying.
    }
    window.location.replace(settings.exitUrl);
  }

  // ---- messages ---------------------------------------------------------------------------

  function addMessage(who) {
    var item = el("div", { "class": "sp-msg sp-msg--" + who });
    var bubble = el("div", { "class": "sp-bubble" },
      [hidden(who === "bot" ? "Signpost said: " : "You said: ")]);
    item.appendChild(bubble);
    parts.log.appendChild(item);
    return { item: item, bubble: bubble };
  }

  function addUserMessage(text) {
    var message = addMessage("user");
    message.bubble.appendChild(el("p", { text: text }));
    return message.item;
  }

  function validButton(button) {
    return button && typeof button.title === "string" && button.title.trim() &&
      typeof button.payload === "string" && button.payload.trim();
  }

  function addButtons(item, buttons) {
    var group = el("div", { "class": "sp-buttons", role: "group", "aria-label": "Reply options" });
    buttons.forEach(function (choice) {
      var button = el("button", { type: "button", "class": "sp-choice" },
        [choice.title.trim().slice(0, 200)]);
      button.addEventListener("click", function (event) {
        if (busy || button.disabled) return;
        send(choice.payload.trim().slice(0, MAX_MESSAGE_CHARS), choice.title.trim(),
          event.detail === 0 ? "keyboard" : "pointer");
      });
      group.appendChild(button);
    });
    item.appendChild(group);
    return group;
  }

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return Math.round(bytes / 1024) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function addFile(bubble, file) {
    if (!file || typeof file !== "object" || typeof file.base64 !== "string") return;
    var bytes;
    try {
      var binary = window.atob(file.base64.replace(/\s+/g, ""));
      bytes = new Uint8Array(binary.length);
      for (var i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    } catch (error) {
      bubble.appendChild(el("p", { text: "Sorry, that file could not be prepared." }));
      return;
    }
    var type = String(file.mime_type || "").toLowerCase().split(";")[0].trim();
    if (SAFE_FILE_TYPES.indexOf(type) < 0) type = "application/octet-stream";
    if (type.indexOf("text/") === 0) type += ";charset=utf-8";
    var name = String(file.filename || "").replace(/[^\w .()-]+/g, "_").replace(/^[ .]+/, "")
      .slice(0, 100) || "signpost-file.txt";
    var url = window.URL.createObjectURL(new Blob([bytes], { type: type }));
    blobUrls.push(url);
    var anchor = el("a", { href: url, download: name, "class": "sp-file" },
      ["Download " + name + " (" + formatSize(bytes.length) + ")"]);
    var p = el("p", {}, [anchor]);
    bubble.appendChild(p);
    bubble.appendChild(el("p", {
      "class": "sp-small",
      text: "It goes to your downloads folder. On a shared device, delete it when you're done."
    }));
  }

  function addBotReply(reply) {
    if (!reply || typeof reply !== "object") return null;
    var text = typeof reply.text === "string" ? reply.text : "";
    var buttons = Array.isArray(reply.buttons) ? reply.buttons.filter(validButton) : [];
    var custom = reply.custom && typeof reply.custom === "object" ? reply.custom : {};
    var file = custom.signpost_file;
    if (!text.trim() && !buttons.length && !file) return null;
    var message = addMessage("bot");
    if (text.trim()) renderText(message.bubble, text);
    if (file) addFile(message.bubble, file);
    var group = buttons.length ? addButtons(message.item, buttons) : null;
    return { item: message.item, group: group };
  }

  function addError(retry) {
    var message = addMessage("bot");
    message.item.classList.add("sp-msg--error");
    renderText(message.bubble, ERROR_TEXT);
    var again = el("button", { type: "button", "class": "sp-choice" }, ["Try again"]);
    var group = el("div", { "class": "sp-buttons", role: "group", "aria-label": "Reply options" },
      [again]);
    again.addEventListener("click", function (event) {
      if (busy) return;
      retry(event.detail === 0 ? "keyboard" : "pointer");
    });
    message.item.appendChild(group);
    return { item: message.item, group: group };
  }

  function retireOldButtons(keep) {
    var groups = parts.log.querySelectorAll(".sp-buttons");
    Array.prototype.forEach.call(groups, function (group) {
      if (keep.indexOf(group) >= 0) return;
      Array.prototype.forEach.call(group.querySelectorAll("button"), function (button) {
        button.disabled = true;
      });
    });
  }

  function scrollTo(item) {
    if (!item) return;
    // Show the start of the first new message: long answers are read from the top.
    parts.log.scrollTop = Math.max(0, item.offsetTop - 8);
  }

  function setBusy(value) {
    busy = value;
    parts.typing.hidden = !value;
    parts.send.setAttribute("aria-disabled", value ? "true" : "false");
    parts.log.setAttribute("aria-busy", value ? "true" : "false");
  }

  function post(message) {
    request = new AbortController();
    var controller = request;
    var timer = window.setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
    var body = { sender: sender, message: message };
    if (settings.institution) body.metadata = { institution: settings.institution };
    return window.fetch(settings.server + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      signal: controller.signal
    }).then(function (response) {
      // 429: the REST channel's rate limit, with a "slow down" reply of its own to show.
      if (!response.ok && response.status !== 429) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (replies) {
      if (!Array.isArray(replies)) throw new Error("unexpected reply");
      return replies;
    }).finally(function () {
      window.clearTimeout(timer);
      if (request === controller) request = null;
    });
  }

  // how: "typed" (the input), "keyboard" or "pointer" (a reply button), "start" (first open).
  function send(message, shownAs, how) {
    if (busy || !alive) return;
    setBusy(true);
    var first = shownAs ? addUserMessage(shownAs) : null;
    scrollTo(first);
    post(message).then(function (replies) {
      return { replies: replies };
    }, function () {
      return { failed: true };
    }).then(function (outcome) {
      if (!alive) return;
      setBusy(false);
      var added = [];
      if (outcome.failed) {
        added.push(addError(function (retryHow) { send(message, null, retryHow); }));
      } else {
        outcome.replies.forEach(function (reply) {
          var result = addBotReply(reply);
          if (result) added.push(result);
        });
      }
      var groups = added.map(function (a) { return a.group; }).filter(Boolean);
      retireOldButtons(groups);
      if (added.length) scrollTo(added[0].item);
      var firstButton = groups.length ? groups[0].querySelector("button") : null;
      if (how === "keyboard") {
        (firstButton || parts.input).focus();
      } else if (how === "typed" && !parts.panel.hidden) {
        parts.input.focus();
      }
    });
  }

  if (document.querySelector("[data-signpost-widget]")) return;
  if (document.body) build();
  else document.addEventListener("DOMContentLoaded", build);
})();
