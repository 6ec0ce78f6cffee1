// Tandem's page agent. Installed in every document before the page's own scripts
// (Page.addScriptToEvaluateOnNewDocument), or on demand in a document that predates it.
// It defines one global, __tandem, with:
//   - settle tracking: DOM mutation/scroll activity, pending short timers, running animations;
//   - push signals to the device through the __tandemUi binding (one call per task at most);
//   - a Notification API shim that posts into the device's tray through __tandemNotify;
//   - snapshot(): the visible UI as a flat list of nodes, in one call.
(() => {
  'use strict';
  if (Object.prototype.hasOwnProperty.call(globalThis, '__tandem')) return;

  const bind = (name, payload) => {
    const f = globalThis[name];
    if (typeof f === 'function') {
      try { f(payload); } catch (e) { /* the binding is gone with the session */ }
    }
  };

  // ---- push signals: at most one binding call per task
  let queued = false;
  const notify = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => { queued = false; bind('__tandemUi', ''); });
  };
  // Activity (DOM mutations, scrolling) restarts the quiet window; focus and input only notify.
  let mutations = 0;
  let lastActivity = -1e9;
  const activity = () => { lastActivity = performance.now(); notify(); };
  new MutationObserver(records => { mutations += records.length; activity(); })
      .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  addEventListener('scroll', activity, { capture: true, passive: true });
  for (const type of ['input', 'change', 'focusin', 'focusout', 'transitionend', 'transitioncancel',
      'animationend', 'animationcancel', 'DOMContentLoaded', 'load', 'pageshow', 'popstate', 'hashchange', 'resize']) {
    addEventListener(type, notify, { capture: true, passive: true });
  }

  // ---- short timers (<= 1 s) count as work in progress: a delayed UI change is coming
  const SHORT_TIMER_MS = 1000;
  const pendingTimers = new Set();
  const nativeSetTimeout = globalThis.setTimeout;
  const nativeClearTimeout = globalThis.clearTimeout;
  globalThis.setTimeout = function setTimeout(handler, delay, ...args) {
    const ms = Number(delay) || 0;
    if (typeof handler !== 'function' || ms > SHORT_TIMER_MS) return nativeSetTimeout(handler, delay, ...args);
    const id = nativeSetTimeout(() => {
      pendingTimers.delete(id);
      try { handler.apply(globalThis, args); } finally { if (pendingTimers.size === 0) notify(); }
    }, ms);
    pendingTimers.add(id);
    return id;
  };
  globalThis.clearTimeout = function clearTimeout(id) {
    if (pendingTimers.delete(id) && pendingTimers.size === 0) notify();
    return nativeClearTimeout(id);
  };

  // ---- requests the page makes (fetch, XHR, reading a body): known here at once, before the
  // browser reports them. Long-polls (a waitMs parameter) and requests open over 1 s do not count.
  const LONG_REQUEST_MS = 1000;
  const requests = new Map();
  let requestSeq = 0;
  const track = url => {
    if (/[?&]waitMs=/.test(String(url || ''))) return 0;
    const id = ++requestSeq;
    requests.set(id, performance.now());
    return id;
  };
  // Released a task later, so the promise's own handlers (which render the result) run first.
  const untrack = id => { if (id) nativeSetTimeout(() => { requests.delete(id); notify(); }, 0); };
  const follow = (id, p) => { p.then(() => untrack(id), () => untrack(id)); return p; };
  const nativeFetch = globalThis.fetch;
  if (nativeFetch) {
    globalThis.fetch = function fetch(input, init) {
      const id = track(input && typeof input === 'object' && 'url' in input ? input.url : input);
      try { return follow(id, nativeFetch.call(this, input, init)); } catch (e) { untrack(id); throw e; }
    };
  }
  if (globalThis.Response) {
    for (const m of ['json', 'text', 'blob', 'arrayBuffer', 'formData']) {
      const native = Response.prototype[m];
      if (native) Response.prototype[m] = function () { return follow(track(this.url), native.apply(this, arguments)); };
    }
  }
  if (globalThis.XMLHttpRequest) {
    const open = XMLHttpRequest.prototype.open;
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.open = function (method, url) { this.__tandemUrl = url; return open.apply(this, arguments); };
    XMLHttpRequest.prototype.send = function () {
      const id = track(this.__tandemUrl);
      if (id) this.addEventListener('loadend', () => untrack(id), { once: true });
      return send.apply(this, arguments);
    };
  }
  const openRequests = () => {
    const now = performance.now();
    let n = 0;
    for (const started of requests.values()) if (now - started < LONG_REQUEST_MS) n++;
    return n;
  };

  // A touch tap's click may come up to ~300 ms after the finger lifts (double-tap detection on pages
  // without a mobile viewport): until the click, a cancel or that delay, a UI change is coming.
  const TAP_CLICK_MS = 350;
  let tapPending = false;
  let tapTimer = 0;
  let touches = 0; // touch pointerdowns in this document
  let tapWaits = [];
  const endTap = () => {
    if (tapPending) { tapPending = false; nativeClearTimeout(tapTimer); notify(); }
    const waits = tapWaits;
    tapWaits = [];
    for (const check of waits) check();
  };
  addEventListener('pointerdown', e => {
    if (e.pointerType === 'touch') { tapPending = true; touches++; }
  }, { capture: true, passive: true });
  addEventListener('pointerup', e => {
    if (e.pointerType === 'touch' && tapPending) { nativeClearTimeout(tapTimer); tapTimer = nativeSetTimeout(endTap, TAP_CLICK_MS); }
  }, { capture: true, passive: true });
  // A drag that scrolls is not a tap either (Chromium does not always send pointercancel).
  for (const type of ['click', 'pointercancel', 'contextmenu', 'scroll']) addEventListener(type, endTap, { capture: true, passive: true });

  // The device's touch taps go in as input Chromium never acknowledges (InputDriver), so the device
  // asks here: armTap(x, y) is [how many touches this document has seen, whether the page can zoom],
  // or -1 when the point is off the page or on a frame or plugin (the touch would reach another
  // document); tapped(n, ms) resolves true once n touches have arrived and the last tap is over,
  // false after ms.
  const FRAME_TAGS = new Set(['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'FENCEDFRAME']);
  const armTap = (x, y) => {
    const el = document.elementFromPoint(x, y);
    return !el || FRAME_TAGS.has(el.tagName) ? -1 : [touches, zoomable()];
  };
  // A page a phone lets the user zoom: no mobile viewport (laid out wider than the screen) and no
  // fixed scale. Chromium's tap detection holds a tap's click back 300 ms there (a double tap zooms).
  const zoomable = () => {
    const meta = document.querySelector('meta[name="viewport" i]');
    const m = meta ? meta.content || '' : '';
    if (/user-scalable\s*=\s*(no|0)\b/i.test(m)) return false;
    const min = /minimum-scale\s*=\s*([\d.]+)/i.exec(m), max = /maximum-scale\s*=\s*([\d.]+)/i.exec(m);
    if (min && max && +min[1] >= +max[1]) return false;
    return document.documentElement.scrollWidth > screen.width + 1;
  };
  const tapped = (n, ms) => new Promise(resolve => {
    let timer = 0;
    const check = () => {
      if (touches >= n && !tapPending) { nativeClearTimeout(timer); resolve(true); } else tapWaits.push(check);
    };
    timer = nativeSetTimeout(() => { tapWaits = tapWaits.filter(c => c !== check); resolve(false); }, ms);
    check();
  });

  const runningAnimations = () => {
    let n = 0;
    for (const a of document.getAnimations()) {
      if (a.playState !== 'running') continue;
      const end = a.effect ? a.effect.getComputedTiming().endTime : 0;
      if (end !== Infinity) n++; // endless spinners are not "in motion" for settling
    }
    return n;
  };

  const state = () => ({
    m: mutations,
    q: Math.min(1e6, Math.round(performance.now() - lastActivity)),
    t: pendingTimers.size + (tapPending ? 1 : 0),
    a: runningAnimations(),
    n: openRequests(),
    r: document.readyState,
  });

  // ---- Notification shim: permission granted; posts go to the device's tray
  const docToken = Math.random().toString(36).slice(2);
  const notifications = new Map();
  let notificationSeq = 0;
  class TandemNotification extends EventTarget {
    constructor(title, options) {
      super();
      const o = options || {};
      this.title = String(title);
      this.body = o.body == null ? '' : String(o.body);
      this.tag = o.tag == null ? '' : String(o.tag);
      this.data = o.data === undefined ? null : o.data;
      this.icon = o.icon || '';
      this.onclick = null;
      this.onshow = null;
      this.onclose = null;
      this.onerror = null;
      const id = ++notificationSeq;
      Object.defineProperty(this, '__id', { value: id });
      notifications.set(id, this);
      bind('__tandemNotify', JSON.stringify({ op: 'post', id, doc: docToken, title: this.title, body: this.body,
        tag: this.tag, url: location.href }));
      queueMicrotask(() => this.__fire('show'));
    }
    close() {
      if (!notifications.delete(this.__id)) return;
      bind('__tandemNotify', JSON.stringify({ op: 'close', id: this.__id, doc: docToken }));
      this.__fire('close');
    }
    __fire(type) {
      const ev = new Event(type, { cancelable: true });
      const h = this['on' + type];
      if (typeof h === 'function') { try { h.call(this, ev); } catch (e) { reportError(e); } }
      this.dispatchEvent(ev);
    }
    static get permission() { return 'granted'; }
    static requestPermission(callback) {
      if (typeof callback === 'function') callback('granted');
      return Promise.resolve('granted');
    }
    static get maxActions() { return 2; }
  }
  Object.defineProperty(globalThis, 'Notification', { value: TandemNotification, writable: true, configurable: true });
  if (navigator.permissions && navigator.permissions.query) {
    const query = navigator.permissions.query.bind(navigator.permissions);
    navigator.permissions.query = d => d && d.name === 'notifications'
        ? Promise.resolve({ name: 'notifications', state: 'granted', onchange: null }) : query(d);
  }

  // ---- focus helpers
  const TEXT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date',
    'datetime-local', 'month', 'week', 'time']);
  const deepActive = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };
  const isTextField = el => !!el && (el.tagName === 'TEXTAREA'
      || (el.tagName === 'INPUT' && TEXT_TYPES.has((el.getAttribute('type') || '').toLowerCase()))
      || el.isContentEditable);
  const describe = el => {
    if (!el || el === document.body || el === document.documentElement) return null;
    const id = el.id ? '#' + el.id : '';
    const label = el.getAttribute('placeholder') || el.getAttribute('aria-label') || '';
    return el.tagName.toLowerCase() + id + (label ? ' "' + label + '"' : '');
  };
  // Typed part by part (month, day, year…), with no caret to put at the end.
  const SEGMENTED_TYPES = new Set(['date', 'datetime-local', 'month', 'week', 'time']);
  // The editable field with focus: {ok, hint (enterkeyhint), what (description), segmented}.
  const focused = () => {
    const el = deepActive();
    const ok = isTextField(el) && !el.disabled && !el.readOnly;
    marked = el;
    const segmented = ok && el.tagName === 'INPUT' && SEGMENTED_TYPES.has((el.getAttribute('type') || '').toLowerCase());
    return { ok, hint: ok ? (el.getAttribute('enterkeyhint') || '').toLowerCase() : '', what: describe(el), segmented };
  };
  const clearFocused = () => {
    const el = deepActive();
    if (!isTextField(el) || el.disabled || el.readOnly) return false;
    if (typeof el.select === 'function') el.select();
    else { const r = document.createRange(); r.selectNodeContents(el); const s = getSelection(); s.removeAllRanges(); s.addRange(r); }
    document.execCommand('delete', false);
    if (el.value) { // execCommand refused (e.g. type=number): set it the way frameworks notice
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return true;
  };
  // "next" on a soft keyboard: the following enabled, visible field in document order.
  const focusNext = () => {
    const from = deepActive();
    const fields = [...document.querySelectorAll('input,textarea,select,[contenteditable=""],[contenteditable="true"]')]
        .filter(f => !f.disabled && f.type !== 'hidden' && f.tabIndex >= 0 && f.checkVisibility());
    const i = fields.indexOf(from);
    if (i >= 0 && i + 1 < fields.length) { fields[i + 1].focus(); return true; }
    if (from && from.blur) from.blur();
    return false;
  };
  // "next": unless the page moved focus itself on Enter, focus goes to the following field.
  let marked = null;
  const nextIfUnmoved = () => (deepActive() === marked ? focusNext() : true);
  // Swipes: whether anything under (x, y) can scroll the content by (dx, dy); arms scrolled().
  let scrolls = 0;
  let armedAt = 0;
  addEventListener('scroll', () => { scrolls++; }, { capture: true, passive: true });
  const canScroll = (el, dx, dy) => {
    const se = document.scrollingElement;
    const root = el === se || el === document.body || el === document.documentElement;
    if (!root) {
      const cs = getComputedStyle(el);
      const scrollableY = cs.overflowY === 'auto' || cs.overflowY === 'scroll';
      const scrollableX = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
      if (!scrollableY && !scrollableX) return false;
      if (dy > 0 && scrollableY && el.scrollTop + el.clientHeight < el.scrollHeight - 1) return true;
      if (dy < 0 && scrollableY && el.scrollTop > 0) return true;
      if (dx > 0 && scrollableX && el.scrollLeft + el.clientWidth < el.scrollWidth - 1) return true;
      if (dx < 0 && scrollableX && el.scrollLeft > 0) return true;
      return false;
    }
    if (dy > 0) return scrollY + innerHeight < se.scrollHeight - 1;
    if (dy < 0) return scrollY > 0;
    if (dx > 0) return scrollX + innerWidth < se.scrollWidth - 1;
    return scrollX > 0;
  };
  const armScroll = (x, y, dx, dy) => {
    armedAt = scrolls;
    for (let el = document.elementFromPoint(x, y); el; el = el.parentElement || (el.getRootNode() && el.getRootNode().host)) {
      if (canScroll(el, dx, dy)) return true;
    }
    return canScroll(document.scrollingElement || document.documentElement, dx, dy);
  };
  // Resolves once a scroll has started and then stayed still for two frames (or after ms).
  const scrolled = ms => new Promise(resolve => {
    let seen = scrolls;
    let still = 0;
    const limit = nativeSetTimeout(() => resolve(scrolls > armedAt), ms);
    const frame = () => {
      if (scrolls > armedAt && scrolls === seen) still++;
      else still = 0;
      seen = scrolls;
      if (still >= 2) { nativeClearTimeout(limit); resolve(true); } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const clickNotification = id => {
    const n = notifications.get(id);
    if (!n) return false;
    notifications.delete(id);
    n.__fire('click');
    return true;
  };

  // ---- snapshot
  const ARIA = {
    button: 'button', menuitem: 'button', textbox: 'textfield', searchbox: 'textfield', combobox: 'textfield',
    spinbutton: 'textfield', checkbox: 'checkbox', menuitemcheckbox: 'checkbox', radio: 'checkbox',
    menuitemradio: 'checkbox', switch: 'switch', tab: 'tab', list: 'list', listbox: 'list', menu: 'list',
    listitem: 'listitem', option: 'listitem', img: 'image', image: 'image', heading: 'header', link: 'link',
    group: 'group', tablist: 'group', toolbar: 'group', radiogroup: 'group', dialog: 'group',
    alertdialog: 'group', form: 'group', status: 'text', alert: 'text', note: 'text', tooltip: 'text',
    presentation: null, none: null, generic: null,
  };
  const BUTTON_TYPES = new Set(['button', 'submit', 'reset', 'image', 'file']);
  const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE',
    'IFRAME', 'OBJECT', 'EMBED', 'AREA', 'MAP', 'DATALIST', 'OPTION', 'OPTGROUP', 'SOURCE', 'TRACK', 'PARAM', 'BR', 'WBR']);
  const LEAF = new Set(['button', 'textfield', 'checkbox', 'switch', 'tab', 'header', 'image', 'text', 'link']);
  const CONTAINER = new Set(['list', 'group', 'listitem']);
  const REPORTABLE = 'a[href],button,input:not([type=hidden]),select,textarea,img,h1,h2,h3,h4,h5,h6,ul,ol,li,[role],[contenteditable]';
  const MAX_NODES = 3000;
  const SKIP = 0;

  const roleOf = (el, tag) => {
    const aria = el.getAttribute('role');
    if (aria) {
      const r = ARIA[aria.trim().split(/\s+/)[0]];
      if (r !== undefined) return r;
    }
    switch (tag) {
      case 'BUTTON': case 'SUMMARY': case 'SELECT': return 'button';
      case 'INPUT': {
        const t = (el.getAttribute('type') || '').toLowerCase();
        if (t === 'hidden') return SKIP;
        if (t === 'checkbox') return el.hasAttribute('switch') ? 'switch' : 'checkbox';
        if (t === 'radio') return 'checkbox';
        if (BUTTON_TYPES.has(t)) return 'button';
        if (t === 'range' || t === 'color') return 'group';
        return 'textfield';
      }
      case 'TEXTAREA': return 'textfield';
      case 'A': return el.hasAttribute('href') ? 'link' : null;
      case 'IMG': case 'CANVAS': case 'VIDEO': return 'image';
      case 'svg': return el.getAttribute('aria-label') ? 'image' : SKIP;
      case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6': return 'header';
      case 'UL': case 'OL': return 'list';
      case 'LI': return 'listitem';
      case 'FIELDSET': case 'DIALOG': return 'group';
      case 'LABEL': {
        const c = el.control;
        return c && c.tagName === 'INPUT' && (c.type === 'checkbox' || c.type === 'radio') ? null : undefined;
      }
    }
    if (el.isContentEditable && el.getAttribute('contenteditable') !== null) return 'textfield';
    return undefined; // no role of its own: 'text' when it holds text, else transparent
  };

  const norm = s => {
    if (!s) return '';
    const lines = String(s).split('\n');
    const out = [];
    for (const l of lines) { const t = l.replace(/\s+/g, ' ').trim(); if (t) out.push(t); }
    return out.join('\n');
  };
  const ownText = el => {
    let s = '';
    for (const n of el.childNodes) if (n.nodeType === 3) s += n.data;
    return norm(s);
  };
  const hasOwnText = el => {
    for (const n of el.childNodes) if (n.nodeType === 3 && /\S/.test(n.data)) return true;
    return false;
  };
  const labelText = el => {
    const ls = el.labels;
    return ls && ls.length ? norm(ls[0].innerText) : '';
  };

  const snapshot = () => {
    const vw = innerWidth, vh = innerHeight;
    const active = deepActive();
    const nodes = [];
    const walk = (parentEl, parentIdx, clip, faded, interactiveOnly) => {
      const kids = parentEl.shadowRoot ? [...parentEl.shadowRoot.children, ...parentEl.children] : parentEl.children;
      for (const el of kids) {
        if (nodes.length >= MAX_NODES) return;
        visit(el, parentIdx, clip, faded, interactiveOnly);
      }
    };
    const visit = (el, parentIdx, clip, faded, interactiveOnly) => {
      const tag = el.tagName;
      if (SKIP_TAGS.has(tag) || el.inert || el.getAttribute('aria-hidden') === 'true') return;
      let role = roleOf(el, tag);
      if (role === SKIP) return;
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.contentVisibility === 'hidden') return;
      const fade = faded || cs.opacity === '0';
      const r = el.getBoundingClientRect();
      let c = cs.position === 'fixed' ? [0, 0, vw, vh] : clip;
      const x0 = Math.max(r.left, c[0]), y0 = Math.max(r.top, c[1]);
      const x1 = Math.min(r.right, c[2]), y1 = Math.min(r.bottom, c[3]);
      const onScreen = x1 - x0 >= 1 && y1 - y0 >= 1;
      const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || /paint|strict|content/.test(cs.contain);
      if (clips && !onScreen) return; // everything inside is cut off
      if (role === undefined) {
        // A scroll container is a UI element of its own (a phone's scroll view), so swipes can name it.
        const scroller = (/auto|scroll/.test(cs.overflowY) && el.scrollHeight > el.clientHeight)
            || (/auto|scroll/.test(cs.overflowX) && el.scrollWidth > el.clientWidth);
        role = hasOwnText(el) ? 'text' : scroller && el !== document.body ? 'group' : null;
      }
      if (interactiveOnly && (role === 'text' || role === 'header' || role === 'image')) role = null;
      let idx = parentIdx;
      let descend = true;
      if (role) {
        const holdsReportable = role === 'text' && el.querySelector(REPORTABLE) !== null;
        if (LEAF.has(role) && !holdsReportable) descend = false;
        if (onScreen && !fade && cs.visibility === 'visible') {
          idx = nodes.length;
          nodes.push(node(el, tag, role, holdsReportable, [x0, y0, x1, y1], active, parentIdx));
          if (!CONTAINER.has(role)) idx = parentIdx; // children of a text go beside it
        }
        if (role === 'listitem') interactiveOnly = true; // a row's text is the row's; its controls still count
      }
      if (!descend) return;
      if (clips) c = [x0, y0, x1, y1];
      walk(el, idx, c, fade, interactiveOnly);
    };
    const node = (el, tag, role, ownOnly, b, active, parentIdx) => {
      let text = '', hint = '', checked = null;
      const aria = el.getAttribute('aria-label') || '';
      if (role === 'textfield') {
        // A field shows its value as typed (spaces included), so the tree does too; only an
        // editable element's rendered text is normalised like any other text.
        const field = tag === 'INPUT' || tag === 'TEXTAREA';
        const v = field ? el.value : el.innerText;
        text = el.type === 'password' ? '\u2022'.repeat(v.length) : field ? v : norm(v);
        hint = el.getAttribute('placeholder') || aria || labelText(el) || el.getAttribute('title') || '';
      } else if (tag === 'INPUT' && (el.type === 'checkbox' || el.type === 'radio')) {
        text = labelText(el) || aria;
        checked = el.checked;
      } else if (tag === 'INPUT') {
        text = norm(el.value) || (el.type === 'submit' ? 'Submit' : el.type === 'reset' ? 'Reset' : '');
      } else if (tag === 'SELECT') {
        text = el.selectedOptions.length ? norm(el.selectedOptions[0].text) : '';
      } else if (role === 'image') {
        text = el.getAttribute('alt') || aria;
      } else {
        text = ownOnly ? ownText(el) : role === 'list' || role === 'group' ? '' : norm(el.innerText);
      }
      if (!text && role !== 'textfield') hint = aria || el.getAttribute('title') || '';
      if (checked === null) {
        if (role === 'checkbox' || role === 'switch') checked = el.getAttribute('aria-checked') === 'true';
        else if (role === 'tab') checked = el.getAttribute('aria-selected') === 'true';
      }
      const enabled = !(el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true');
      // selected: the current tab, a chosen option or row (aria-selected, <option selected>)
      const selected = el.getAttribute('aria-selected') === 'true' || (tag === 'OPTION' && el.selected);
      const flags = (enabled ? 1 : 0) | (el === active ? 2 : 0) | (checked === null ? 0 : checked ? 12 : 8) | (selected ? 16 : 0);
      return [role, el.id || el.getAttribute('data-testid') || null, text || null, hint || null,
        Math.round(b[0]), Math.round(b[1]), Math.round(b[2]) - Math.round(b[0]), Math.round(b[3]) - Math.round(b[1]),
        flags, parentIdx];
    };
    if (document.body) walk(document.body, -1, [0, 0, vw, vh], false, false);
    return JSON.stringify({ u: location.href, t: document.title, w: vw, h: vh, s: state(), n: nodes });
  };

  Object.defineProperty(globalThis, '__tandem', {
    value: Object.freeze({ snapshot, state: () => JSON.stringify(state()), focused, clearFocused, focusNext,
      nextIfUnmoved, armScroll, scrolled, armTap, tapped, clickNotification, doc: docToken }),
    enumerable: false,
  });
})();
