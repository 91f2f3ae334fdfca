/* Kestrel's own first-party analytics (category "analytics" in content/cookies.yaml). consent.js loads it only
   after the visitor accepts analytics, and deletes its cookies when they withdraw. It keeps a random visitor id
   (_pk_id.1, 13 months) and marks the visit (_pk_ses.1, session); nothing leaves the site. */
(function (w, d) {
  'use strict';
  var site = '1', id = '_pk_id.' + site, secure = location.protocol === 'https:' ? '; Secure' : '', visitor;
  d.cookie.split('; ').forEach(function (c) { if (c.indexOf(id + '=') === 0) visitor = c.slice(id.length + 1); });
  visitor = visitor || (Date.now().toString(36) + Math.random().toString(36).slice(2, 10));
  d.cookie = id + '=' + visitor + '; Max-Age=' + 395 * 86400 + '; Path=/; SameSite=Lax' + secure; // 13 months at most
  d.cookie = '_pk_ses.' + site + '=1; Path=/; SameSite=Lax' + secure;
  w.kestrelAnalytics = { visitor: visitor };
})(window, document);
