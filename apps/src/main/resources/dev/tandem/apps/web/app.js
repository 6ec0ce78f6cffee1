// Tandem web twin runtime. Served at {apps}/{appId}/: it reads the app's definition (app.json,
// see docs/apps.md) and runs it as real DOM with the simulated phone's semantics, so a plan runs
// unchanged on sim and web. Element ids are the definition's ids; roles map to tags and ARIA
// (button, input with placeholder = hint, role=checkbox/switch/tab with aria-checked/selected,
// ul/li, h2, role=img, role=group). Chat goes to this page's origin under /chat, as
// ?room=ROOM&user=USER say. No build step, no dependencies.
(() => {
  'use strict';
  const query = new URLSearchParams(location.search);
  const room = query.get('room') || 'default';
  const user = query.get('user') || 'web';
  const chatBase = location.origin + '/chat';
  const MAX_ITEMS = 500;
  const MAX_TEXT = 10000;
  const LONG_PRESS_MS = 500;
  const TRANSITION_MS = 150;
  const POLL_WAIT_MS = 20000;
  // Retries wait longer than 1 s: shorter timers mean "UI change coming" to the device's settling.
  const RETRY_MS = [1100, 2000, 4000];
  const CHECKABLE = new Set(['checkbox', 'switch', 'tab']);
  const CONTAINER = new Set(['list', 'group']);

  const screensEl = document.querySelector('.screens');
  const titleEl = document.getElementById('system:title');
  const upEl = document.getElementById('system:navigate_up');
  let app = null;
  const nodes = new Map(); // key (id, or a path for elements without one) -> node
  const screens = new Map(); // name -> {def, el, content, top: [node]}
  const stack = [];
  let itemSeq = 0;
  let ignorePops = 0;

  // ---- building

  const el = (tag, cls) => { const e = document.createElement(tag); if (cls) e.className = cls; return e; };

  function index(defs, parent, screen, path, out) {
    defs.forEach((d, i) => {
      const key = d.id != null ? d.id : path + '/' + i;
      const n = { key, def: d, parent, screen, children: [], items: [], el: null, state: {
        text: d.text != null ? d.text : (d.role === 'textfield' ? '' : null),
        checked: CHECKABLE.has(d.role) ? !!d.checked : null,
        visible: d.visible !== false,
        enabled: d.enabled !== false,
      } };
      nodes.set(key, n);
      out.push(n);
      if (d.children) index(d.children, n, screen, key, n.children);
    });
  }

  function render(n) {
    const d = n.def;
    let e;
    switch (d.role) {
      case 'text': e = el('p'); break;
      case 'header': e = el('h2'); break;
      case 'textfield':
        e = el('input');
        e.type = d.secret ? 'password' : 'text';
        if (d.hint) e.placeholder = d.hint;
        e.enterKeyHint = d.imeAction || 'done';
        e.autocomplete = 'off';
        e.spellcheck = false;
        e.addEventListener('input', () => { n.state.text = e.value.slice(0, MAX_TEXT); });
        break;
      case 'button': e = el('button'); e.type = 'button'; break;
      case 'checkbox': case 'switch': case 'tab':
        e = el('button');
        e.type = 'button';
        e.setAttribute('role', d.role);
        break;
      case 'image': e = el('div'); e.setAttribute('role', 'img'); break;
      case 'listitem':
        e = el(n.parent && n.parent.def.role === 'list' ? 'li' : 'div');
        if (e.tagName !== 'LI') e.setAttribute('role', 'listitem');
        break;
      case 'list': e = el('ul'); break;
      default: e = el('div'); e.setAttribute('role', 'group');
    }
    e.classList.add('r-' + d.role);
    if (d.layout === 'row') e.classList.add('row');
    if (d.id != null) e.id = d.id;
    if (d.hint && d.role !== 'textfield') e.title = d.hint;
    if (!CONTAINER.has(d.role) && d.height) e.style.height = d.height + 'px';
    e.dataset.key = n.key;
    n.el = e;
    for (const c of n.children) e.append(render(c));
    update(n);
    return e;
  }

  function update(n) {
    const d = n.def, s = n.state, e = n.el;
    e.hidden = !s.visible;
    if (d.role === 'textfield') {
      if (e.value !== (s.text || '')) e.value = s.text || '';
      e.disabled = !s.enabled;
    } else if (d.role === 'image') {
      e.setAttribute('aria-label', s.text || '');
    } else if (!CONTAINER.has(d.role)) {
      if (e.textContent !== (s.text || '')) e.textContent = s.text || '';
    }
    if (e.tagName === 'BUTTON') e.disabled = !s.enabled;
    else if (s.enabled) e.removeAttribute('aria-disabled');
    else e.setAttribute('aria-disabled', 'true');
    if (d.role === 'tab') e.setAttribute('aria-selected', String(!!s.checked));
    else if (CHECKABLE.has(d.role)) e.setAttribute('aria-checked', String(!!s.checked));
  }

  function build() {
    for (const sd of app.screens) {
      const top = [];
      index(sd.elements, null, sd.name, '#' + sd.name, top);
      const section = el('section', 'screen');
      section.dataset.screen = sd.name;
      section.hidden = true;
      const content = el('div', 'content');
      const dock = el('div', 'dock');
      for (const n of top) (n.def.dock === 'bottom' ? dock : content).append(render(n));
      section.append(content, dock);
      screensEl.append(section);
      screens.set(sd.name, { def: sd, el: section, content, top });
    }
  }

  // ---- screens and the back stack (the browser's history follows it, so Back works)

  /** Shows a screen; the outgoing one slides away and leaves the UI tree at once (inert). */
  function show(name, direction) {
    const next = screens.get(name);
    const outgoing = [...screens.values()].filter(s => s !== next && !s.el.hidden);
    for (const s of outgoing) { s.el.inert = true; s.el.setAttribute('aria-hidden', 'true'); }
    next.el.hidden = false;
    next.el.inert = false;
    next.el.removeAttribute('aria-hidden');
    screensEl.append(next.el); // on top
    titleEl.textContent = next.def.title || '';
    document.title = next.def.name;
    upEl.hidden = stack.length <= 1;
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
    const done = () => outgoing.forEach(s => { if (s.el.inert) s.el.hidden = true; });
    if (direction !== 0 && outgoing.length) {
      const from = direction > 0 ? 'translateX(100%)' : 'translateX(-30%)';
      next.el.animate([{ transform: from }, { transform: 'none' }], { duration: TRANSITION_MS, easing: 'ease-out' }).finished.then(done, done);
    } else {
      done();
    }
    if (next.def.focus) {
      const f = nodes.get(next.def.focus);
      if (f && visibleChain(f)) f.el.focus({ preventScroll: true });
    }
  }

  function navigate(name) {
    stack.push(name);
    history.pushState({ depth: stack.length }, '');
    show(name, 1);
  }

  function pop() {
    if (stack.length <= 1) { location.assign('about:blank'); return; } // at the root: leave the app
    stack.pop();
    show(stack[stack.length - 1], -1);
  }

  /** The back action: pop now, and let the browser's history follow without popping twice. */
  function back() {
    if (stack.length <= 1) { pop(); return; }
    pop();
    ignorePops++;
    history.back();
  }

  addEventListener('popstate', () => {
    if (ignorePops > 0) { ignorePops--; return; }
    pop(); // the device's Back button walked the history
  });
  upEl.addEventListener('click', back);

  // ---- input: taps (with the built-in behaviour), long presses, the keyboard's action key

  const nodeOf = target => {
    const e = target && target.closest ? target.closest('[data-key]') : null;
    return e ? nodes.get(e.dataset.key) : null;
  };
  const current = n => n.screen === stack[stack.length - 1] && visibleChain(n);
  const visibleChain = n => { for (let p = n; p; p = p.parent) if (!p.state.visible) return false; return true; };

  let press = null;
  let suppressClick = false;
  addEventListener('pointerdown', e => { suppressClick = false; press = { n: nodeOf(e.target), at: performance.now() }; }, true);
  addEventListener('pointerup', e => {
    const p = press;
    press = null;
    if (!p || !p.n || p.n !== nodeOf(e.target) || performance.now() - p.at < LONG_PRESS_MS) return;
    suppressClick = true; // a long press is not a tap
    if (!p.n.state.enabled || !current(p.n)) return;
    if (p.n.def.role === 'textfield') p.n.el.focus();
    run(p.n.def.onLongPress || []);
  }, true);
  addEventListener('contextmenu', e => e.preventDefault());

  addEventListener('click', e => {
    if (suppressClick) { suppressClick = false; e.preventDefault(); e.stopPropagation(); return; }
    const n = nodeOf(e.target);
    if (!n || !n.state.enabled || !current(n)) return;
    const role = n.def.role;
    if (role === 'checkbox' || role === 'switch') { n.state.checked = !n.state.checked; update(n); }
    if (role === 'tab') select(n.key);
    run(n.def.onTap || []);
  });

  addEventListener('keydown', e => {
    if (e.key !== 'Enter') return;
    const n = nodeOf(e.target);
    if (!n || n.def.role !== 'textfield') return;
    e.preventDefault();
    if (n.def.onIme && n.def.onIme.length) run(n.def.onIme);
    else if (n.def.imeAction === 'next') focusNext(n);
  });

  function focusNext(from) {
    const fields = [];
    const collect = list => { for (const n of list) { if (!n.state.visible) continue; if (n.def.role === 'textfield') fields.push(n); collect(n.children); } };
    collect(screens.get(from.screen).top);
    const i = fields.indexOf(from);
    if (i >= 0 && i + 1 < fields.length) fields[i + 1].el.focus();
  }

  // ---- actions (docs/apps.md: consecutive requires are all checked; a failed one, or a
  // sendMessage with nothing to send, stops the list)

  async function run(actions, message) {
    let failed = false;
    for (const a of actions) {
      const name = typeof a === 'string' ? a : Object.keys(a)[0];
      const arg = typeof a === 'string' ? true : a[name];
      if (name === 'require') { if (!require(arg, message)) failed = true; continue; }
      if (failed) return;
      if (!(await step(name, arg, message))) return;
    }
  }

  async function step(name, arg, message) {
    switch (name) {
      case 'navigate': navigate(arg); break;
      case 'back': back(); break;
      case 'setText': set(arg.target, s => { s.text = (expand(arg.text, message) || '').slice(0, MAX_TEXT); }); break;
      case 'toggle': set(arg, s => { s.checked = !s.checked; }); break;
      case 'select': select(arg); break;
      case 'show': set(arg, s => { s.visible = true; }); break;
      case 'hide': {
        const n = nodes.get(arg);
        set(arg, s => { s.visible = false; });
        if (n && n.el.contains(document.activeElement)) document.activeElement.blur();
        break;
      }
      case 'clear': {
        const n = nodes.get(arg);
        if (n && n.def.role === 'list') { n.items.forEach(i => i.remove()); n.items.length = 0; } else set(arg, s => { s.text = ''; });
        break;
      }
      case 'sendMessage': {
        const text = arg.from != null ? nodes.get(arg.from).state.text : expand(arg.text, message);
        if (!text || !text.trim()) return false;
        let sent;
        try {
          sent = await post(text);
        } catch (err) {
          console.error('chat: ' + err.message);
          return false;
        }
        if (arg.appendTo) append(arg.appendTo, sent.text, true);
        if (arg.from != null) set(arg.from, s => { s.text = ''; });
        break;
      }
      case 'appendMessage': if (message) append(arg, message.text, false); break;
      case 'notify': new Notification(expand(arg.title, message), { body: expand(arg.body, message) }); break;
      default: console.error('unknown action ' + name);
    }
    return true;
  }

  function set(key, change) {
    const n = nodes.get(key);
    if (!n) return;
    change(n.state);
    update(n);
  }

  function require(r, message) {
    const n = nodes.get(r.field);
    const ok = new RegExp('^(?:' + r.pattern + ')$').test(n ? n.state.text || '' : '');
    if (r.error && r.error.target) {
      set(r.error.target, s => { s.visible = !ok; if (!ok) s.text = expand(r.error.text, message); });
    }
    return ok;
  }

  /** Checks the element and unchecks the checkable elements beside it. */
  function select(key) {
    const n = nodes.get(key);
    if (!n) return;
    const siblings = n.parent ? n.parent.children : screens.get(n.screen).top;
    for (const s of siblings) if (s !== n && CHECKABLE.has(s.def.role)) { s.state.checked = false; update(s); }
    n.state.checked = true;
    update(n);
  }

  function append(listKey, text, outgoing) {
    const list = nodes.get(listKey);
    if (!list) return;
    const li = el(list.def.role === 'list' ? 'li' : 'div', 'r-listitem' + (outgoing ? ' outgoing' : ''));
    if (li.tagName !== 'LI') li.setAttribute('role', 'listitem');
    li.id = listKey + '_' + (++itemSeq);
    li.style.height = '56px';
    li.textContent = text;
    list.el.append(li);
    list.items.push(li);
    if (list.items.length > MAX_ITEMS) list.items.shift().remove();
    const screen = screens.get(list.screen);
    screen.content.scrollTop = screen.content.scrollHeight; // a chat keeps its end in view
  }

  function expand(t, message) {
    if (t == null) return t;
    return String(t).replace(/\$\{([^}]*)}/g, (all, name) => {
      if (name.startsWith('field:')) { const n = nodes.get(name.slice(6)); return n ? n.state.text || '' : ''; }
      if (name === 'user') return user;
      if (name === 'message.from') return message ? message.from : '';
      if (name === 'message.text') return message ? message.text : '';
      return all;
    });
  }

  // ---- chat

  const roomUrl = () => chatBase + '/rooms/' + encodeURIComponent(room) + '/messages';

  async function post(text) {
    const r = await fetch(roomUrl(), { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ from: user, text }) });
    if (!r.ok) throw new Error('the chat service answered ' + r.status);
    return r.json();
  }

  const usesChat = () => {
    if (app.onMessage && app.onMessage.length) return true;
    const sends = list => list.some(a => a && typeof a === 'object' && 'sendMessage' in a);
    for (const n of nodes.values()) if (sends(n.def.onTap || []) || sends(n.def.onLongPress || []) || sends(n.def.onIme || [])) return true;
    return false;
  };

  /** Long-polls the room; messages from other users run onMessage, each once per browser profile. */
  async function subscribe() {
    const key = 'tandem.delivered.' + app.appId + '.' + room;
    let after = Number(localStorage.getItem(key) || 0);
    let failures = 0;
    for (;;) {
      try {
        const r = await fetch(roomUrl() + '?after=' + after + '&waitMs=' + POLL_WAIT_MS);
        if (!r.ok) throw new Error('the chat service answered ' + r.status);
        const page = await r.json();
        failures = 0;
        for (const m of page.messages) {
          after = Math.max(after, m.seq);
          localStorage.setItem(key, String(after));
          if (m.from !== user) await run(app.onMessage || [], m);
        }
        if (typeof page.last === 'number') after = page.last;
      } catch (err) {
        await new Promise(resolve => setTimeout(resolve, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)]));
      }
    }
  }

  // ---- start

  async function start() {
    try {
      const r = await fetch('app.json');
      if (!r.ok) throw new Error('app.json: ' + r.status);
      app = await r.json();
    } catch (err) {
      const p = el('p', 'error');
      p.textContent = 'Cannot load this app: ' + err.message;
      screensEl.append(p);
      return;
    }
    build();
    const first = app.initialScreen || app.screens[0].name;
    stack.push(first);
    history.replaceState({ depth: 1 }, '');
    show(first, 0);
    if (usesChat()) subscribe();
  }

  start();
})();
