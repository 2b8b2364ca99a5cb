// Backwise progressive enhancements. Every page works without this file: each
// feature looks for its own server-rendered markup and does nothing if absent.
(() => {
  'use strict';

  // Build elements with textContent only, so page text can never become markup.
  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  };

  // Asked at the moment of use, so a change in system settings applies at once.
  const reducedMotion = () => typeof window.matchMedia === 'function' &&
    window.matchMedia('(prefers-reduced-motion: reduce)').matches;

  // 95000 ms -> "1:35". Round up, so "0:01" shows until the step really ends.
  const clock = (ms) => {
    const s = Math.max(0, Math.ceil(ms / 1000));
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  };

  /* 1. Routine step timer ------------------------------------------------ */
  function initTimer(panel) {
    const list = panel.parentElement && panel.parentElement.querySelector('.routine-steps');
    if (!list) return;
    const steps = Array.from(list.children).filter((n) => n.tagName === 'LI').map((li) => {
      const time = li.querySelector('.step-time');
      const seconds = time ? parseInt(time.dataset.seconds, 10) : NaN;
      const copy = li.cloneNode(true); // the step's own words, without "2 minutes"
      copy.querySelectorAll('.step-time').forEach((n) => n.remove());
      return {
        li,
        ms: seconds > 0 ? seconds * 1000 : 0, // 0: untimed, waits for "Next step"
        label: time ? time.textContent.trim() : '',
        text: copy.textContent.replace(/\s+/g, ' ').trim(),
      };
    });
    if (!steps.length) return;
    const total = steps.length;

    // state: 'ready' (at the start of a step), 'running', 'paused' or 'done'.
    let state = 'ready';
    let started = false; // nothing is highlighted until the reader starts
    let index = 0, timer = null;
    let left = steps[0].ms; // ms left in the current step while stopped
    let endsAt = 0;         // Date.now() at which the current step ends while running

    // The status line changes every second, so it is deliberately NOT a live
    // region; the separate message line below speaks once per real change.
    const status = make('p', 'routine-timer__status');
    const toggle = make('button', 'button button--secondary routine-timer__toggle');
    const next = make('button', 'button button--secondary', 'Next step');
    const reset = make('button', 'button button--secondary', 'Back to start');
    const controls = make('div', 'routine-timer__controls');
    [toggle, next, reset].forEach((b, i) => {
      b.type = 'button';
      if (i) controls.append(' '); // a space between inline-block buttons, without styles
      controls.append(b);
    });
    // For screen readers only: sighted readers see the step itself, large
    // and highlighted in the list, so its words are not shown twice.
    const message = make('p', 'routine-timer__message visually-hidden');
    message.setAttribute('aria-live', 'polite');
    // Cues at each step change, off unless chosen, remembered on this device.
    const cues = make('div', 'routine-timer__cues');
    const cue = (key, label) => {
      const id = `timer-${key}`;
      const box = make('input');
      box.type = 'checkbox'; box.id = id;
      try { box.checked = localStorage.getItem(`bw-${key}`) === 'on'; } catch { /* private mode */ }
      box.addEventListener('change', () => {
        try { localStorage.setItem(`bw-${key}`, box.checked ? 'on' : 'off'); } catch { /* not kept */ }
      });
      const lab = make('label', '', label);
      lab.htmlFor = id;
      const wrap = make('span', 'routine-timer__cue');
      wrap.append(box, ' ', lab);
      cues.append(wrap, ' ');
      return box;
    };
    const soundBox = cue('sound', 'Beep at each step');
    const vibrateBox = typeof navigator.vibrate === 'function' ? cue('vibrate', 'Vibrate at each step') : null;
    panel.setAttribute('role', 'group');
    panel.setAttribute('aria-label', 'Step timer');
    panel.replaceChildren(status, controls, cues, message);

    const say = (text) => { message.textContent = text; };
    const setText = (node, text) => { if (node.textContent !== text) node.textContent = text; };

    // Cheap enough for every tick; writes only what changed, so the focused
    // button's name is not rewritten four times a second.
    function render() {
      const step = steps[index];
      const remaining = state === 'running' ? endsAt - Date.now() : left;
      setText(status, state === 'done' ? `All ${total} steps done`
        : `Step ${index + 1} of ${total}` + (step.ms ? ` · ${clock(remaining)} left` : ''));
      setText(toggle, { running: 'Pause', paused: 'Resume', done: 'Start again' }[state] || 'Start timer');
      // aria-disabled rather than disabled: a disabled button would drop keyboard focus.
      const off = String(state === 'done');
      if (next.getAttribute('aria-disabled') !== off) next.setAttribute('aria-disabled', off);
    }

    function mark() {
      steps.forEach((s, i) => {
        const current = started && state !== 'done' && i === index;
        s.li.classList.toggle('is-current', current);
        s.li.classList.toggle('is-done', started && (state === 'done' || i < index));
        if (current) s.li.setAttribute('aria-current', 'step');
        else s.li.removeAttribute('aria-current');
      });
    }

    // Scroll only when the step is off screen, never move focus, and never
    // animate the scroll for readers who asked for reduced motion.
    function reveal(li) {
      const r = li.getBoundingClientRect();
      if (r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight)) return;
      li.scrollIntoView(reducedMotion() ? { block: 'nearest' } : { block: 'nearest', behavior: 'smooth' });
    }

    // A short beep (Web Audio: no sound file to fetch) and a buzz, if chosen.
    let audio = null;
    function signal() {
      if (soundBox.checked && typeof window.AudioContext === 'function') {
        try {
          audio = audio || new AudioContext();
          const osc = audio.createOscillator(), gain = audio.createGain();
          osc.frequency.value = 660; gain.gain.value = 0.15;
          osc.connect(gain).connect(audio.destination);
          osc.start(); osc.stop(audio.currentTime + 0.2);
        } catch { /* no sound available */ }
      }
      if (vibrateBox && vibrateBox.checked) navigator.vibrate(200);
    }

    // Keep the screen on while the routine runs, where the browser allows
    // (Screen Wake Lock); a phone on the floor must not go dark mid-step.
    let wakeLock = null;
    async function keepAwake(on) {
      if (!on) {
        if (wakeLock) { wakeLock.release().catch(() => {}); wakeLock = null; }
        return;
      }
      if (wakeLock || !navigator.wakeLock || typeof navigator.wakeLock.request !== 'function') return;
      try {
        wakeLock = await navigator.wakeLock.request('screen');
        wakeLock.addEventListener('release', () => { wakeLock = null; });
      } catch { /* refused, e.g. battery saver: the timer still works */ }
    }
    // The browser drops the lock when the page is hidden: take it again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible' && state === 'running') keepAwake(true);
    });

    // One announcement per step change.
    function stepChanged() {
      const s = steps[index];
      mark();
      reveal(s.li);
      say(`Step ${index + 1} of ${total}: ${s.text}` + (s.label ? ` (${s.label})` : ''));
      render();
      if (started && state === 'running') signal();
    }

    const stopClock = () => { if (timer !== null) clearInterval(timer); timer = null; };

    function finish() {
      stopClock();
      state = 'done';
      keepAwake(false);
      signal();
      mark(); say('Routine finished. Well done.'); render();
    }

    // One 250 ms interval, always measured against Date.now(): background tabs
    // throttle timers, so counting ticks would drift.
    function tick() {
      const now = Date.now();
      let moved = false;
      // A throttled tab may wake after several steps ended: catch up, carrying
      // the overshoot forward, and announce only the step we land on.
      while (now >= endsAt) {
        if (index === total - 1) return finish();
        index += 1;
        endsAt += steps[index].ms || Infinity;
        moved = true;
      }
      if (moved) stepChanged(); else render();
    }

    function start() {
      const was = state;
      if (was === 'done') { index = 0; left = steps[0].ms; started = false; }
      state = 'running';
      keepAwake(true);
      endsAt = steps[index].ms ? Date.now() + left : Infinity;
      stopClock();
      timer = setInterval(tick, 250);
      if (!started) { started = true; stepChanged(); return; }
      say(was === 'paused' ? 'Resumed' : 'Timer started');
      render();
    }

    toggle.addEventListener('click', () => {
      if (state !== 'running') return start();
      if (steps[index].ms) left = Math.max(0, endsAt - Date.now());
      stopClock();
      state = 'paused';
      keepAwake(false);
      say('Paused'); render();
    });

    next.addEventListener('click', () => {
      if (state === 'done') return;
      started = true;
      if (index === total - 1) return finish();
      index += 1;
      left = steps[index].ms;
      if (state === 'running') endsAt = left ? Date.now() + left : Infinity;
      else state = 'ready'; // a paused timer stays stopped on the new step
      stepChanged();
    });

    reset.addEventListener('click', () => {
      stopClock();
      keepAwake(false);
      state = 'ready'; started = false; index = 0; left = steps[0].ms;
      mark();
      say(`Back to step 1 of ${total}. Press Start timer when ready.`);
      render();
    });

    // "Start guided routine" at the top of the page: large steps, and the
    // timer started where the steps are.
    const guided = document.querySelector('[data-guided-start]');
    if (guided) {
      guided.textContent = 'Start guided routine';
      guided.addEventListener('click', (event) => {
        event.preventDefault();
        const article = panel.closest('.routine');
        if (article) article.classList.add('routine--guided');
        panel.scrollIntoView(reducedMotion() ? { block: 'start' } : { block: 'start', behavior: 'smooth' });
        if (state !== 'running') start();
        toggle.focus({ preventScroll: true });
      });
    }

    render();
    panel.hidden = false;
  }

  /* 2. Bookmark buttons -------------------------------------------------- */
  function initBookmark(form) {
    const button = form.querySelector('button[type="submit"], button:not([type])');
    const status = form.querySelector('.bookmark-status');
    const action = form.querySelector('input[name="action"]');
    if (!button || typeof window.fetch !== 'function') return; // plain form post still works
    let busy = false;

    // Any trouble: let the browser post the form for real, so the server's own
    // page (e.g. "too many requests", expired session) is shown. Posting again
    // is safe: the form says "add" or "remove", not "toggle".
    const fallBack = () => {
      form.removeEventListener('submit', onSubmit);
      form.removeAttribute('aria-busy');
      button.disabled = false;
      HTMLFormElement.prototype.submit.call(form); // immune to a control named "submit"
    };

    async function onSubmit(event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      const body = new URLSearchParams(new FormData(form)); // read before disabling
      form.setAttribute('aria-busy', 'true');
      const hadFocus = document.activeElement === button;
      button.disabled = true;
      let data;
      try {
        // Not form.action: the hidden input named "action" shadows that property.
        const res = await fetch(form.getAttribute('action') || location.href, {
          method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin',
        });
        if (!res.ok || !(res.headers.get('Content-Type') || '').includes('json')) throw new Error(String(res.status));
        data = await res.json();
        if (!data || typeof data.saved !== 'boolean') throw new Error('unexpected reply');
      } catch {
        busy = false;
        return fallBack();
      }
      if (action) action.value = data.saved ? 'remove' : 'add';
      if (typeof data.button === 'string') button.textContent = data.button;
      if (status && typeof data.status === 'string') status.textContent = data.status;
      form.classList.toggle('is-saved', data.saved);
      // The note form next to the button only makes sense for a saved item.
      const block = form.closest('.bookmark-block');
      if (block) block.querySelectorAll('[data-bookmark-note]').forEach((n) => { n.hidden = !data.saved; });
      form.removeAttribute('aria-busy');
      button.disabled = false;
      // Disabling a focused button drops focus to <body>; put it back where the
      // reader left it (restoring, not stealing, focus).
      if (hadFocus && (document.activeElement === document.body || !document.activeElement)) button.focus();
      busy = false;
    }

    form.addEventListener('submit', onSubmit);
  }

  /* 3. Print button ------------------------------------------------------ */
  function initPrint(button) {
    if (typeof window.print !== 'function') return; // stays hidden
    button.addEventListener('click', () => window.print());
    button.hidden = false;
  }

  /* 4. "None of these" ---------------------------------------------------- */
  // Ticking "None of these" clears the signs, and ticking a sign clears
  // "None of these", as in the GOV.UK pattern. Without JavaScript the server
  // explains the conflict instead.
  function initExclusive(none) {
    const group = none.closest('fieldset');
    if (!group) return;
    const others = () => [...group.querySelectorAll('input[type=checkbox]')].filter((b) => b !== none && b.name === none.name);
    none.addEventListener('change', () => {
      if (none.checked) others().forEach((b) => { b.checked = false; });
    });
    others().forEach((b) => b.addEventListener('change', () => {
      if (b.checked) none.checked = false;
    }));
  }

  /* 5. Report a problem ------------------------------------------------- */
  // Sends the report in place, so the reader stays on the page they were
  // reading. Anything other than "sent" (a mistake in the form, too many
  // reports, a network error) posts the form for real, and the server's own
  // page explains what to do.
  function initFeedback(form) {
    const status = form.querySelector('[data-feedback-status]');
    const button = form.querySelector('button[type="submit"]');
    if (!status || !button || typeof window.fetch !== 'function') return;
    let busy = false;

    const fallBack = () => {
      form.removeEventListener('submit', onSubmit);
      form.removeAttribute('aria-busy');
      button.disabled = false;
      HTMLFormElement.prototype.submit.call(form);
    };

    async function onSubmit(event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      const body = new URLSearchParams(new FormData(form));
      form.setAttribute('aria-busy', 'true');
      button.disabled = true;
      status.textContent = 'Sending…';
      let data;
      try {
        const res = await fetch(form.getAttribute('action'), {
          method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin',
        });
        if (!res.ok || !(res.headers.get('Content-Type') || '').includes('json')) throw new Error(String(res.status));
        data = await res.json();
        if (!data || data.sent !== true || typeof data.message !== 'string') throw new Error('unexpected reply');
      } catch {
        status.textContent = '';
        busy = false;
        return fallBack();
      }
      // The thanks replaces the form's fields; the status line is a live
      // region, so the change is announced, and focus moves to it so
      // keyboard users are not left on a removed button.
      const thanks = make('p', 'feedback-thanks', data.message);
      thanks.tabIndex = -1;
      thanks.dataset.testid = 'feedback-thanks';
      status.textContent = 'Report sent';
      form.replaceChildren(thanks, status);
      form.removeAttribute('aria-busy');
      thanks.focus();
    }

    form.addEventListener('submit', onSubmit);
  }

  /* 6. "I did this today" ------------------------------------------------ */
  // Marks a routine done (or undoes it) in place. Any trouble posts the form
  // for real: the form says "done" or "undo", never "toggle", so posting
  // again is safe.
  function initPlanDone(form) {
    const button = form.querySelector('button[type="submit"]');
    const status = form.querySelector('.plan-status');
    const action = form.querySelector('input[name="action"]');
    if (!button || !status || !action || typeof window.fetch !== 'function') return;
    let busy = false;
    const fallBack = () => {
      form.removeEventListener('submit', onSubmit);
      button.disabled = false;
      HTMLFormElement.prototype.submit.call(form);
    };
    async function onSubmit(event) {
      event.preventDefault();
      if (busy) return;
      busy = true;
      const body = new URLSearchParams(new FormData(form));
      const hadFocus = document.activeElement === button;
      button.disabled = true;
      let data;
      try {
        const res = await fetch(form.getAttribute('action'), {
          method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin',
        });
        if (!res.ok || !(res.headers.get('Content-Type') || '').includes('json')) throw new Error(String(res.status));
        data = await res.json();
        if (!data || typeof data.done !== 'boolean' || typeof data.action !== 'string') throw new Error('unexpected reply');
      } catch {
        busy = false;
        return fallBack();
      }
      action.value = data.action;
      if (typeof data.button === 'string') {
        // Keep the visually hidden routine name, if the button has one.
        const hidden = button.querySelector('.visually-hidden');
        button.textContent = data.button;
        if (hidden) button.append(hidden);
      }
      if (typeof data.status === 'string') status.textContent = data.status;
      button.classList.toggle('button--secondary', data.done);
      button.disabled = false;
      if (hadFocus && (document.activeElement === document.body || !document.activeElement)) button.focus();
      busy = false;
    }
    form.addEventListener('submit', onSubmit);
  }

  /* 7. Copy buttons ------------------------------------------------------ */
  // Shown only where the clipboard can be written; the text stays on the
  // page to copy by hand either way.
  function initCopy(button) {
    const target = document.getElementById(button.dataset.copy);
    const status = button.parentElement && button.parentElement.querySelector('.copy-status');
    if (!target || !navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(target.textContent.trim());
        if (status) status.textContent = 'Copied';
      } catch {
        if (status) status.textContent = 'Could not copy: select the code and copy it instead';
      }
    });
    button.hidden = false;
  }

  /* 8. Printing --------------------------------------------------------- */
  // Just before printing, give each site link its whole address, so the
  // printout names pages a reader can type in (the print CSS shows it).
  function markLinksForPrint() {
    document.querySelectorAll('.prose a[href^="/"]').forEach((a) => {
      a.setAttribute('data-print-href', a.href);
    });
  }

  /* 9. Times in the visitor's time zone ------------------------------ */
  // The server writes every time in UTC and says so. Here the browser
  // rewrites it in its own time zone, naming the zone; the zone never
  // leaves the device. A time the browser cannot read stays as it was.
  const localFormats = {
    datetime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' },
    day: { day: 'numeric', month: 'long', year: 'numeric' },
    'day-month': { day: 'numeric', month: 'short' },
  };
  function localiseTime(el) {
    const format = localFormats[el.dataset.local];
    const when = new Date(el.getAttribute('datetime') || el.dataset.datetime || '');
    if (!format || Number.isNaN(when.getTime()) || typeof Intl === 'undefined') return;
    try {
      el.textContent = new Intl.DateTimeFormat('en-GB', format).format(when) + (el.dataset.localSuffix || '');
      el.setAttribute('data-localised', '');
    } catch {
      /* an old browser without these options keeps the UTC text */
    }
  }

  function init() {
    document.querySelectorAll('[data-local]').forEach(localiseTime);
    document.querySelectorAll('input[type=checkbox][data-exclusive]').forEach(initExclusive);
    document.querySelectorAll('[data-routine-timer]').forEach(initTimer);
    document.querySelectorAll('form[data-bookmark]').forEach(initBookmark);
    document.querySelectorAll('button[data-print]').forEach(initPrint);
    document.querySelectorAll('form[data-feedback]').forEach(initFeedback);
    document.querySelectorAll('form[data-plan-done]').forEach(initPlanDone);
    document.querySelectorAll('button[data-copy]').forEach(initCopy);
    window.addEventListener('beforeprint', markLinksForPrint);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
