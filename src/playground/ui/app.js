// The playground page: one person's view of the simulated workspace, polled from the playground API;
// everything the person does is posted back and reaches Rapport as Slack would send it.
import { el, readValues, renderBlocks, showErrors } from './block-kit.js';
import { emoji, mrkdwn } from './mrkdwn.js';
import { TOUR } from './tour.js';

const TRAVELS = ['+1 hour', 'next working morning', 'next Monday 09:00'];
const REACTIONS = ['ticket', 'bulb', '+1', 'white_check_mark', 'eyes'];
const HOME = 'home';

let me = localStorage.getItem('playground.as') ?? 'UOLIVIA01';
let state = null;
let openChannel = null;
let openThread = null;
let shownModal = '';
let busy = false;
let tourStep = null;

const $ = (id) => document.getElementById(id);

function toast(message) {
  const box = $('toast');
  box.textContent = message;
  box.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.hidden = true), 5000);
}

let refreshes = 0;
/** Shows the current state; an answer overtaken by a later refresh (another person's, say) is dropped. */
async function refresh() {
  const mine = ++refreshes;
  const res = await fetch(`/playground/api/state?as=${encodeURIComponent(me)}`);
  if (!res.ok) throw new Error((await res.json()).error ?? `HTTP ${res.status}`);
  const answer = await res.json();
  if (mine !== refreshes) return;
  state = answer;
  render();
}

/** Posts one action as the current person; shows what went wrong; resolves to the answer. */
async function send(body) {
  busy = true;
  try {
    const res = await fetch('/playground/api/action', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ as: me, ...body }),
    });
    const answer = await res.json();
    if (!res.ok) toast(answer.error ?? `failed: HTTP ${res.status}`);
    await refresh();
    return answer;
  } finally {
    busy = false;
  }
}

const initials = (name) =>
  name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();

function messageView(m, channelId, { inThread = false, ephemeral = false } = {}) {
  const names = state.names;
  const act = (action) =>
    send({ op: 'click', channel: channelId, ts: m.ts, ...(ephemeral ? { ephemeral: true } : {}), action });
  const body = m.blocks?.length
    ? renderBlocks(m.blocks, { names, act })
    : el('div', { class: 'msg-text', html: mrkdwn(m.text, names) });
  const replies =
    inThread || ephemeral
      ? []
      : state.messages[channelId].filter((r) => r.threadTs === m.ts && r.ts !== m.ts);
  const tools = ephemeral
    ? el('div', { class: 'only-you' }, 'Only visible to you')
    : el(
        'div',
        { class: 'msg-tools' },
        ...m.reactions.map((r) => el('span', { class: 'reaction', title: `:${r}:` }, emoji(r))),
        inThread
          ? null
          : el(
              'button',
              { class: 'replies', type: 'button', onclick: () => showThread(m.ts) },
              replies.length
                ? `${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}`
                : 'Reply in thread',
            ),
        el(
          'select',
          {
            'aria-label': 'Add reaction',
            onchange: (e) =>
              e.target.value && send({ op: 'react', channel: channelId, ts: m.ts, name: e.target.value }),
          },
          el('option', { value: '' }, '☺ React'),
          ...REACTIONS.map((r) => el('option', { value: r }, `${emoji(r)} :${r}:`)),
        ),
      );
  const author = ephemeral ? 'Rapport' : m.author;
  return el(
    'article',
    { class: `msg${ephemeral ? ' ephemeral' : ''}`, 'aria-label': `Message from ${author}` },
    el(
      'div',
      { class: `avatar${ephemeral || m.bot ? ' bot' : ''}` },
      ephemeral || m.bot ? 'R' : initials(author),
    ),
    el(
      'div',
      {},
      el(
        'div',
        { class: 'meta' },
        el('strong', {}, author),
        ephemeral || m.bot ? 'APP' : '',
        m.edited ? ' (edited)' : '',
      ),
      body,
      tools,
    ),
  );
}

/** Messages and this person's ephemeral ones, in the order they were posted. */
function timeline(channelId, threadTs) {
  const msgs = state.messages[channelId] ?? [];
  const posts = threadTs
    ? msgs.filter((m) => m.ts === threadTs || m.threadTs === threadTs)
    : msgs.filter((m) => !m.threadTs || m.threadTs === m.ts);
  const own = state.ephemerals.filter(
    (e) => e.channel === channelId && (e.threadTs ?? null) === (threadTs ?? null),
  );
  return [...posts.map((m) => ({ m })), ...own.map((m) => ({ m, ephemeral: true }))].sort(
    (a, b) => Number(a.m.ts) - Number(b.m.ts),
  );
}

function composer(placeholder, onSend) {
  const input = el('input', { type: 'text', placeholder, 'aria-label': placeholder });
  const form = el(
    'form',
    {
      class: 'composer',
      onsubmit: async (e) => {
        e.preventDefault();
        const text = input.value.trim();
        if (!text) return;
        input.value = '';
        await onSend(text);
      },
    },
    input,
    el('button', { type: 'submit' }, 'Send'),
  );
  return form;
}

function renderChannel() {
  const pane = $('channel');
  const focused = document.activeElement?.closest?.('.composer') ? document.activeElement.value : null;
  pane.replaceChildren();
  if (openChannel === HOME) return renderHome(pane);
  const channel = state.channels.find((c) => c.id === openChannel);
  const sub =
    channel.kind === 'dm'
      ? 'your direct messages with Rapport'
      : channel.connected
        ? `shared with ${channel.connected}`
        : 'Acme Software only';
  const list = el(
    'div',
    { class: 'messages' },
    ...timeline(channel.id).map(({ m, ephemeral }) => messageView(m, channel.id, { ephemeral })),
  );
  if (list.children.length === 0) list.append(el('div', { class: 'empty' }, 'No messages yet.'));
  const name = channel.kind === 'dm' ? 'Rapport' : `#${channel.name}`;
  const hint = state.me.vendorSide ? `Message ${name}, or /rapport help` : `Message ${name}`;
  pane.append(
    el(
      'div',
      { class: 'pane-head' },
      el('h1', { style: 'font-size:17px;margin:0' }, name),
      el('span', { class: 'sub' }, sub),
    ),
    list,
    composer(hint, (text) =>
      /^\/rapport(\s|$)/.test(text)
        ? send({ op: 'command', channel: channel.id, text: text.replace(/^\/rapport\s*/, '') })
        : send({ op: 'message', channel: channel.id, text }),
    ),
  );
  list.scrollTop = list.scrollHeight;
  if (focused !== null) {
    const input = pane.querySelector('.composer input');
    input.value = focused;
    input.focus();
  }
}

function renderHome(pane) {
  const home = state.home;
  const act = (action) => send({ op: 'click', viewId: home.id, action });
  pane.append(
    el('div', { class: 'pane-head' }, el('h1', { style: 'font-size:17px;margin:0' }, 'Rapport — Home')),
    home
      ? el('div', { class: 'home' }, renderBlocks(home.blocks, { names: state.names, act }))
      : el('div', { class: 'empty' }, 'Opening…'),
  );
}

function renderThread() {
  const aside = $('thread');
  const channel = state.channels.find((c) => c.id === openChannel);
  const parent = channel && state.messages[channel.id].find((m) => m.ts === openThread);
  aside.hidden = !parent;
  if (!parent) return;
  aside.replaceChildren(
    el(
      'div',
      { class: 'pane-head' },
      'Thread',
      el('span', { class: 'sub' }, `#${channel.name}`),
      el('button', { type: 'button', onclick: () => showThread(null) }, 'Close thread'),
    ),
    el(
      'div',
      { class: 'messages' },
      ...timeline(channel.id, openThread).map(({ m, ephemeral }) =>
        messageView(m, channel.id, { inThread: true, ephemeral }),
      ),
    ),
    composer('Reply…', (text) => send({ op: 'message', channel: channel.id, text, threadTs: openThread })),
  );
}

function renderSidebar() {
  const item = (id, label) =>
    el(
      'button',
      { type: 'button', 'aria-current': id === openChannel ? 'page' : false, onclick: () => showChannel(id) },
      label,
    );
  const kinds = [
    ['Shared channels', 'shared', (c) => `# ${c.name}`],
    ['Acme Software only', 'internal', (c) => `# ${c.name}`],
    ['Direct messages', 'dm', () => 'Rapport'],
  ];
  $('sidebar').replaceChildren(
    el(
      'div',
      { class: 'who', style: 'padding:0 14px' },
      `${state.me.realName} · ${state.me.role} · ${state.me.team}`,
    ),
    ...(state.me.vendorSide ? [el('h2', {}, 'Apps'), item(HOME, 'Rapport Home')] : []),
    ...kinds.flatMap(([title, kind, label]) => {
      const channels = state.channels.filter((c) => c.kind === kind);
      return channels.length ? [el('h2', {}, title), ...channels.map((c) => item(c.id, label(c)))] : [];
    }),
  );
}

function renderModal() {
  const box = $('modal');
  const view = state.modals.at(-1);
  const key = view ? `${view.id}:${view.hash}` : '';
  if (key === shownModal) return;
  shownModal = key;
  box.hidden = !view;
  if (!view) return box.replaceChildren();
  const body = el('div', { class: 'body' });
  const act = (action) => send({ op: 'click', viewId: view.id, action, values: readValues(body) });
  body.append(renderBlocks(view.blocks, { names: state.names, act }));
  const submit = async () => {
    const answer = await send({ op: 'submit', viewId: view.id, values: readValues(body) });
    showErrors(body, answer.errors);
  };
  box.replaceChildren(
    el(
      'form',
      {
        class: 'dialog',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-labelledby': 'modal-title',
        onsubmit: (e) => {
          e.preventDefault();
          submit();
        },
      },
      el('h2', { id: 'modal-title' }, view.title?.text ?? ''),
      body,
      el(
        'footer',
        {},
        el(
          'button',
          { type: 'button', onclick: () => send({ op: 'close', viewId: view.id }) },
          view.close?.text ?? 'Cancel',
        ),
        view.submit ? el('button', { type: 'submit', class: 'bk-button primary' }, view.submit.text) : null,
      ),
    ),
  );
}

function renderTopbar() {
  const select = $('person');
  if (select.options.length === 0) {
    for (const p of state.people)
      select.append(el('option', { value: p.id }, `${p.realName} — ${p.role}, ${p.team}`));
    select.addEventListener('change', () => switchTo(select.value));
  }
  select.value = me;
  const time = new Date(state.now).toLocaleString('en-GB', {
    timeZone: 'Europe/Berlin',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  $('clock').textContent = `${time} (Acme, Berlin)`;
}

function render() {
  if (openChannel !== HOME && !state.channels.some((c) => c.id === openChannel)) {
    openChannel = state.channels[0]?.id ?? null;
    openThread = null;
  }
  if (openChannel === HOME && !state.me.vendorSide) openChannel = state.channels[0]?.id ?? null;
  renderTopbar();
  renderSidebar();
  renderChannel();
  renderThread();
  renderModal();
}

function showChannel(id) {
  openChannel = id;
  openThread = null;
  if (id === HOME) return send({ op: 'home' });
  render();
}

function showThread(ts) {
  openThread = ts;
  renderThread();
}

function switchTo(id) {
  me = id;
  localStorage.setItem('playground.as', id);
  openThread = null;
  shownModal = '';
  refresh().catch((e) => toast(e.message));
}

async function reset() {
  const before = state?.generation;
  toast('Resetting to the seeded state…');
  await fetch('/playground/api/reset', { method: 'POST' });
  for (;;) {
    await new Promise((r) => setTimeout(r, 300));
    try {
      const res = await fetch(`/playground/api/state?as=${encodeURIComponent(me)}`);
      if (res.ok && (await res.clone().json()).generation !== before) break;
    } catch {
      // restarting: the server is briefly away
    }
  }
  openChannel = null;
  shownModal = '';
  await refresh();
  toast('Back to the seeded state.');
}

$('travel').append(
  ...TRAVELS.map((to) => el('button', { type: 'button', onclick: () => send({ op: 'travel', to }) }, to)),
);
$('reset').addEventListener('click', () => reset().catch((e) => toast(e.message)));
$('tour-toggle').addEventListener('click', () => {
  tourStep = tourStep === null ? 0 : null;
  renderTour();
});

function renderTour() {
  const panel = $('tour');
  panel.hidden = tourStep === null;
  $('tour-toggle').setAttribute('aria-expanded', String(tourStep !== null));
  if (tourStep === null) return panel.replaceChildren();
  const step = TOUR[tourStep];
  const go = (to) => {
    tourStep = to;
    renderTour();
  };
  const person = state.people.find((p) => p.id === step.as);
  panel.replaceChildren(
    el('div', { class: 'pane-head' }, `Guided tour · ${tourStep + 1} of ${TOUR.length}`),
    el(
      'div',
      { class: 'tour-step' },
      el('h2', {}, step.title),
      el('p', { html: mrkdwn(step.text, state.names) }),
      el(
        'button',
        { type: 'button', onclick: () => takeMeThere(step) },
        `Take me there (as ${person.realName})`,
      ),
      el(
        'div',
        { class: 'tour-nav' },
        el('button', { type: 'button', disabled: tourStep === 0, onclick: () => go(tourStep - 1) }, 'Back'),
        tourStep < TOUR.length - 1
          ? el('button', { type: 'button', onclick: () => go(tourStep + 1) }, 'Next')
          : el('button', { type: 'button', onclick: () => go(null) }, 'Finish'),
      ),
    ),
  );
}

async function takeMeThere(step) {
  if (me !== step.as) {
    $('person').value = step.as;
    switchTo(step.as);
    await refresh();
  }
  const dm = state.channels.find((c) => c.kind === 'dm');
  showChannel(step.channel === 'dm' ? dm.id : step.channel);
}
refresh().catch((e) => toast(e.message));
setInterval(() => {
  if (!busy && !document.hidden) refresh().catch(() => {});
}, 3000);
