// Tashil: a checklist's answers saved as they are chosen (issue 21; ADR 0027).
// Each item is its own form; without script it posts as usual. With it, each change is sent
// alone to the JSON API with the item's version. A send that fails for want of a connection
// is kept in localStorage and sent again when the browser is back online, or on the next
// load. The words shown come from the page (data- attributes), in the reader's language.
(function () {
  "use strict";
  var list = document.querySelector("ol.checklist[data-inspection]");
  if (!list || !window.fetch) { return; }
  var key = "tashil.checklist." + list.dataset.inspection;
  var summary = document.querySelector("[data-checklist-summary]");

  function pending() {
    try { return JSON.parse(localStorage.getItem(key) || "{}"); } catch (e) { return {}; }
  }
  function keep(all) {
    try {
      if (Object.keys(all).length) { localStorage.setItem(key, JSON.stringify(all)); }
      else { localStorage.removeItem(key); }
    } catch (e) { /* storage full or refused: the form still posts */ }
    if (summary) {
      summary.textContent = Object.keys(all).length ? list.dataset.waiting : "";
    }
  }
  function formOf(item) {
    return list.querySelector("form.answer[data-item=\"" + item + "\"]");
  }
  function show(form, word, state) {
    var p = form.querySelector("[data-state]");
    if (p) { p.textContent = word; p.dataset.state = state; }
  }
  function typed(form) {
    var checked = form.querySelector("input[name=answer]:checked");
    if (!checked) { return null; }
    return {
      answer: checked.value,
      note: form.querySelector("textarea[name=note]").value,
      version: parseInt(form.querySelector("input[name=version]").value, 10)
    };
  }

  // One request per item at a time: an answer changed while its previous one is on its way
  // waits in the queue and goes next, with the version the server just gave (sent at once,
  // both would name the same version and the second would be refused as stale).
  var inflight = {};
  function send(item, body) {
    var form = formOf(item);
    if (!form) { return Promise.resolve(); }
    if (inflight[item]) { return inflight[item]; }
    var sent = JSON.stringify(body);
    var again = false;
    // Whether the queue holds a newer answer for the item than the one sent.
    function newer(all) { return all[item] && JSON.stringify(all[item]) !== sent; }
    show(form, list.dataset.saving, "saving");
    inflight[item] = fetch(form.dataset.api, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "Accept": "application/json",
        "X-CSRF-Token": list.dataset.csrf
      },
      body: sent
    }).then(function (r) {
      if (r.ok) {
        return r.json().then(function (saved) {
          form.querySelector("input[name=version]").value = saved.version;
          var all = pending();
          if (newer(all)) {
            all[item].version = saved.version;
            again = true;
          } else {
            delete all[item];
            show(form, list.dataset.saved, "saved");
          }
          keep(all);
        });
      }
      // The server answered: keeping it would not help (a newer answer is still tried).
      var all = pending();
      if (newer(all)) { again = true; } else { delete all[item]; }
      keep(all);
      if (!again) { show(form, r.status === 409 ? list.dataset.conflict : list.dataset.failed, "error"); }
    }, function () {
      // No connection: kept until the browser is back online.
      var all = pending();
      if (!newer(all)) { all[item] = body; }
      keep(all);
      show(form, list.dataset.waiting, "waiting");
    }).then(function () {
      delete inflight[item];
      var all = pending();
      if (again && all[item]) { return send(item, all[item]); }
    });
    return inflight[item];
  }

  function changed(e) {
    var form = e.target.closest("form.answer");
    if (!form) { return; }
    var body = typed(form);
    if (!body) { return; }
    var all = pending();
    all[form.dataset.item] = body;
    keep(all);
    if (navigator.onLine === false) {
      show(form, list.dataset.waiting, "waiting");
      return;
    }
    send(form.dataset.item, body);
  }

  var sending = false;
  function flush() {
    if (sending) { return; }
    var all = pending();
    var items = Object.keys(all);
    if (!items.length) { return; }
    sending = true;
    items.reduce(function (p, item) {
      return p.then(function () { return send(item, all[item]); });
    }, Promise.resolve()).then(function () { sending = false; }, function () { sending = false; });
  }

  list.addEventListener("change", changed);
  list.addEventListener("submit", function (e) {
    var form = e.target.closest("form.answer");
    if (!form) { return; }
    e.preventDefault();
    changed({ target: form });
  });
  window.addEventListener("online", flush);
  // A send that failed while the browser thought itself online (a dead zone, a server
  // restarting) is tried again now and then, not only at the next "online" event.
  window.setInterval(function () { if (navigator.onLine !== false) { flush(); } }, 30000);
  // What a lost connection kept: shown on its item as waiting, then sent.
  var kept = pending();
  Object.keys(kept).forEach(function (item) {
    var form = formOf(item);
    if (!form) { return; }
    var radio = form.querySelector("input[name=answer][value=\"" + kept[item].answer + "\"]");
    if (radio) { radio.checked = true; }
    form.querySelector("textarea[name=note]").value = kept[item].note;
    show(form, list.dataset.waiting, "waiting");
  });
  keep(kept);
  flush();
})();
