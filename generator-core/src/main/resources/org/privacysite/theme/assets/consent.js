/* Cookie consent of the privacy site: gated tags, banner, preferences dialog. No dependencies.
   Config: data- attributes of #ps-consent (partials/consent.ftlh); Consent Mode: data-gcm of this script.
   Stored choice: cookie <storage> = "<revision>.<unix seconds>.<granted ids joined by +>". */
(function (w, d) {
  'use strict';
  var me = d.currentScript, gcm = me && me.getAttribute('data-gcm'), map = [],
    gpc = w.navigator.globalPrivacyControl === true;
  function list(s) { return s ? s.split(' ') : []; }
  function has(a, x) { return a.indexOf(x) >= 0; }
  function gtag() { (w.dataLayer = w.dataLayer || []).push(arguments); }
  function signals(cats) {
    var o = {};
    map.forEach(function (p) { o[p[0]] = o[p[0]] === 'granted' || has(cats, p[1]) ? 'granted' : 'denied'; });
    return o;
  }
  if (gcm) { // Google Consent Mode v2: everything denied before any tag loads
    map = list(gcm).map(function (p) { return p.split(':'); });
    w.gtag = w.gtag || gtag;
    var def = signals([]);
    def.wait_for_update = 500;
    gtag('consent', 'default', def);
  }

  function start() {
    var b = d.getElementById('ps-consent'), dlg = d.getElementById('ps-consent-dialog');
    if (!b || !dlg) return;
    function attr(n) { return b.getAttribute('data-' + n) || ''; }
    var name = attr('storage'), rev = +attr('revision'), months = +attr('expiry'), required = list(attr('required')),
      optional = list(attr('categories')), blocked = gpc ? list(attr('gpc')) : [], granted = [], ran = {}, opener,
      boxes = dlg.querySelectorAll('input[type=checkbox]'), note = dlg.querySelector('.consent-gpc');
    function on(c) { return has(required, c) || has(granted, c); }
    function allowed(c) { return has(optional, c) && !has(blocked, c); }
    function later(t) { var e = new Date(t); e.setMonth(e.getMonth() + months); return e; }

    function read() {
      var v;
      d.cookie.split('; ').forEach(function (c) { var i = c.indexOf('='); if (c.slice(0, i) === name) v = c.slice(i + 1); });
      var p = (v || '').split('.'), t = +p[1] * 1000;
      return p.length === 3 && +p[0] === rev && t > 0 && later(t) > new Date() ? p[2].split('+').filter(allowed) : null;
    }

    function apply(cats, tell) {
      granted = cats;
      d.querySelectorAll('[data-consent]').forEach(function (el) {
        var c = el.getAttribute('data-consent'), s;
        if (!on(c)) return;
        ran[c] = 1;
        if (el.tagName === 'SCRIPT') {
          s = d.createElement('script');
          [].forEach.call(el.attributes, function (a) {
            if (!/^(type|data-src|data-consent)$/.test(a.name)) s.setAttribute(a.name, a.value);
          });
          s.async = false;
          s.src = el.getAttribute('data-src');
          el.parentNode.replaceChild(s, el);
        } else {
          el.removeAttribute('data-consent');
          el.src = el.getAttribute('data-src');
          el.hidden = false;
        }
      });
      d.querySelectorAll('[data-consent-placeholder]').forEach(function (el) {
        el.hidden = on(el.getAttribute('data-consent-placeholder'));
      });
      if (!tell) return;
      var all = required.concat(cats);
      w.privacySiteConsent = { categories: all, revision: rev };
      if (gcm) gtag('consent', 'update', signals(all));
      d.dispatchEvent(new CustomEvent('privacy-site:consent', { detail: { categories: all, revision: rev } }));
    }

    function wipe(c) { // delete the category's cookies: exact names, '*' as a wildcard
      var res = list(attr('cookies-' + c)).map(function (p) {
        return new RegExp('^' + p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
      }), h = location.hostname.split('.');
      d.cookie.split('; ').forEach(function (x) {
        var n = x.split('=')[0];
        if (!res.some(function (r) { return r.test(n); })) return;
        for (var i = 0; i < h.length; i++) d.cookie = n + '=; Max-Age=0; Path=/' + (i ? '; Domain=' + h.slice(i - 1).join('.') : '');
      });
    }

    function save(cats) {
      var now = Date.now(), gone;
      cats = cats.filter(allowed);
      gone = granted.filter(function (c) { return !has(cats, c) && ran[c]; });
      d.cookie = name + '=' + rev + '.' + Math.floor(now / 1000) + '.' + cats.join('+') + '; Expires=' +
        later(now).toUTCString() + '; Path=/; SameSite=Lax' + (location.protocol === 'https:' ? '; Secure' : '');
      optional.forEach(function (c) { if (!has(cats, c)) wipe(c); });
      b.hidden = true;
      if (dlg.open) dlg.close();
      if (gone.length) return location.reload(); // a tag that ran cannot be unloaded: start afresh without it
      apply(cats, 1);
    }

    function open(e) {
      if (e) e.preventDefault();
      opener = d.activeElement;
      boxes.forEach(function (x) { x.checked = has(granted, x.value); x.disabled = has(blocked, x.value); });
      if (note) note.hidden = !blocked.length;
      dlg.showModal();
      (boxes[0] || dlg.querySelector('button')).focus();
    }

    dlg.addEventListener('close', function () { if (opener && opener.focus) opener.focus(); });
    dlg.addEventListener('keydown', function (e) { // keep Tab inside the dialog
      if (e.key !== 'Tab') return;
      var f = [].filter.call(dlg.querySelectorAll('a[href],button,input'), function (x) { return !x.disabled; }),
        edge = e.shiftKey ? f[0] : f[f.length - 1];
      if (d.activeElement === edge) { e.preventDefault(); (e.shiftKey ? f[f.length - 1] : f[0]).focus(); }
    });
    d.addEventListener('click', function (e) {
      var t = e.target.closest && e.target.closest('[data-consent-action],[data-consent-open]'), a;
      if (!t) return;
      a = t.getAttribute('data-consent-action');
      if (!a || a === 'customize') return open(e);
      if (a === 'close') return dlg.close();
      save(a === 'accept' ? optional : a === 'reject' ? [] :
        [].filter.call(boxes, function (x) { return x.checked; }).map(function (x) { return x.value; }));
    });

    var stored = read();
    if (stored) return apply(stored, 1);
    d.body.insertBefore(b, d.body.firstChild); // first in reading and Tab order
    var gn = b.querySelector('.consent-gpc'); // the banner, too, says what Global Privacy Control keeps off
    if (gn) gn.hidden = !blocked.length;
    b.hidden = false;
    apply([]);
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})(window, document);
