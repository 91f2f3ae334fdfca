/*
 * privacy-site live preview. Served by `serve` at /_preview/reload.js and added to HTML responses
 * as they are served; never part of a built site. The pages' Content-Security-Policy allows only
 * same-origin scripts and stylesheets, so everything here is built with DOM APIs and styled by
 * /_preview/overlay.css: no inline script, no style attributes.
 */
(function () {
  'use strict';

  var script = document.currentScript || document.querySelector('script[src^="/_preview/reload.js"]');
  var build = script ? script.getAttribute('data-build') : '';
  var ui = null;
  var showingErrors = false;
  var panelOpen = false;
  var checking = false; // the server is still checking the site: its findings come later
  var nextStatus = null;

  /** This page as the server names pages: fr/privacy/index.html. */
  function pagePath() {
    var path = location.pathname.replace(/^\/+/, '');
    if (path === '' || path.charAt(path.length - 1) === '/') {
      path += 'index.html';
    }
    try {
      return decodeURIComponent(path);
    } catch (e) {
      return path;
    }
  }

  function element(name, attributes, children) {
    var node = document.createElement(name);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  // A stale clause's message says what changed as [-removed-] and {+added+}: shown struck out and highlighted.
  function withChanges(message) {
    var parts = [];
    var pattern = /\[-([\s\S]*?)-\]|\{\+([\s\S]*?)\+\}/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(message)) !== null) {
      parts.push(message.slice(last, match.index));
      parts.push(match[1] !== undefined
        ? element('del', {'class': 'psp-removed'}, [match[1]])
        : element('ins', {'class': 'psp-added'}, [match[2]]));
      last = pattern.lastIndex;
    }
    parts.push(message.slice(last));
    return parts;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function build_ui() {
    if (ui) {
      return ui;
    }
    var head = document.head || document.documentElement;
    head.appendChild(element('link', {rel: 'stylesheet', href: '/_preview/overlay.css'}));

    var title = element('h2', {id: 'psp-overlay-title', 'class': 'psp-overlay-title'},
      ['The preview could not be rebuilt']);
    var hint = element('p', {'class': 'psp-overlay-hint'},
      ['You are looking at the last good version. Fix the file and save: this page reloads by itself.']);
    var errors = element('pre', {'class': 'psp-errors'});
    var dismiss = element('button', {type: 'button', 'class': 'psp-button psp-dismiss'}, ['Hide errors']);
    var overlay = element('section', {
      'class': 'psp-overlay', role: 'alert', 'aria-labelledby': 'psp-overlay-title', hidden: ''
    }, [dismiss, title, hint, errors]);

    var summary = element('span', {'class': 'psp-summary', role: 'status', 'aria-live': 'polite'},
      ['Preview: connecting…']);
    var toggle = element('button', {
      type: 'button', 'class': 'psp-button psp-toggle', 'aria-expanded': 'false', 'aria-controls': 'psp-panel', hidden: ''
    }, ['Show findings']);
    var list = element('ul', {id: 'psp-panel', 'class': 'psp-panel', 'aria-label': 'Findings for this page', hidden: ''});
    var badge = element('aside', {'class': 'psp-badge', 'aria-label': 'Live preview'}, [summary, toggle, list]);

    var root = element('div', {id: 'privacy-site-preview', lang: 'en', dir: 'ltr', 'data-state': 'connecting'},
      [overlay, badge]);
    document.body.appendChild(root);

    dismiss.addEventListener('click', function () {
      overlay.hidden = true;
    });
    toggle.addEventListener('click', function () {
      panelOpen = !panelOpen;
      list.hidden = !panelOpen;
      toggle.setAttribute('aria-expanded', String(panelOpen));
      toggle.textContent = panelOpen ? 'Hide findings' : 'Show findings';
    });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !overlay.hidden) {
        overlay.hidden = true;
      }
    });
    ui = {root: root, overlay: overlay, errors: errors, summary: summary, toggle: toggle, list: list, findings: null};
    return ui;
  }

  function showErrors(errors) {
    var view = build_ui();
    clear(view.errors);
    errors.forEach(function (problem, index) {
      var line = problem.location ? problem.location + ': ' + problem.message : problem.message;
      view.errors.appendChild(element('span', {'class': 'psp-error-line'}, [line]));
      if (index < errors.length - 1) {
        view.errors.appendChild(document.createTextNode('\n'));
      }
    });
    view.overlay.hidden = false;
    view.root.setAttribute('data-errors', String(errors.length));
    showingErrors = true;
    describe();
  }

  function hideErrors() {
    var view = build_ui();
    view.overlay.hidden = true;
    view.root.removeAttribute('data-errors');
    showingErrors = false;
  }

  function showFindings(findings) {
    var view = build_ui();
    view.findings = findings;
    clear(view.list);
    findings.forEach(function (finding) {
      var where = element('code', {'class': 'psp-location'}, [finding.location]);
      var severity = element('span', {'class': 'psp-severity psp-' + finding.severity}, [finding.severity]);
      view.list.appendChild(element('li', {}, [where, ' ', severity, ' '].concat(withChanges(finding.message))));
    });
    view.toggle.hidden = findings.length === 0;
    if (findings.length === 0) {
      view.list.hidden = true;
      panelOpen = false;
      view.toggle.setAttribute('aria-expanded', 'false');
      view.toggle.textContent = 'Show findings';
    }
    view.root.setAttribute('data-findings', String(findings.length));
    describe();
  }

  /** The badge's one line: the connection, then the findings of this page. */
  function describe() {
    var view = build_ui();
    var state = view.root.getAttribute('data-state');
    var text;
    if (state === 'disconnected') {
      text = 'Preview: reconnecting…';
    } else if (showingErrors) {
      text = 'Preview: the last rebuild failed';
    } else if (checking) {
      text = 'Preview: checking the site…';
    } else if (view.findings === null) {
      text = 'Preview: live';
    } else if (view.findings.length === 0) {
      text = 'Preview: no findings for this page';
    } else {
      var errors = view.findings.filter(function (f) { return f.severity === 'error'; }).length;
      text = 'Preview: ' + view.findings.length + (view.findings.length === 1 ? ' finding' : ' findings')
        + ' for this page' + (errors ? ' (' + errors + (errors === 1 ? ' error)' : ' errors)') : '');
    }
    if (view.summary.textContent !== text) {
      view.summary.textContent = text;
    }
    view.root.classList.toggle('psp-has-findings', !!(view.findings && view.findings.length));
  }

  function refreshStatus() {
    clearTimeout(nextStatus);
    return fetch('/_preview/status?page=' + encodeURIComponent(pagePath()), {cache: 'no-store'})
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.errors && status.errors.length) {
          showErrors(status.errors);
        } else if (showingErrors) {
          reload();
          return;
        } else {
          hideErrors();
        }
        checking = !!status.checking;
        if (checking) {
          build_ui().root.setAttribute('data-checking', 'true');
          describe();
          nextStatus = setTimeout(refreshStatus, 1000); // asks again until the check is done
          return;
        }
        build_ui().root.removeAttribute('data-checking');
        showFindings(status.findings || []);
      })
      .catch(function () { /* the server is restarting: the event stream reconnects */ });
  }

  function reload() {
    location.reload();
  }

  function parse(event) {
    try {
      return JSON.parse(event.data);
    } catch (e) {
      return {};
    }
  }

  function connect() {
    var view = build_ui();
    var source = new EventSource('/_preview/events');
    source.addEventListener('hello', function (event) {
      var data = parse(event);
      view.root.setAttribute('data-state', 'connected');
      describe();
      if (build && data.build && data.build !== build) {
        reload(); // rebuilt (or restarted) since this page was served
      }
    });
    source.addEventListener('reload', function (event) {
      var data = parse(event);
      var pages = data.pages || [];
      if (showingErrors || data.full || pages.indexOf(pagePath()) >= 0) {
        reload();
        return;
      }
      build = data.build || build;
      refreshStatus(); // another page changed: this page's findings may have changed with it
    });
    source.addEventListener('error', function (event) {
      if (!event.data) {
        view.root.setAttribute('data-state', 'disconnected'); // the connection, not a build error
        describe();
        return;
      }
      showErrors(parse(event).errors || []);
    });
    source.addEventListener('open', function () {
      view.root.setAttribute('data-state', 'connected');
      describe();
    });
    window.addEventListener('pagehide', function () {
      source.close();
    });
  }

  function start() {
    build_ui();
    connect();
    refreshStatus();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
