// The example's admin console: plain JavaScript over the admin API (/admin/api), no build step.
'use strict';

const api = new URL('api/', document.baseURI).href;
const state = { token: sessionStorage.getItem('scimkit-admin-token') || '', organizations: [], selected: null, rules: [] };

const $ = (id) => document.getElementById(id);

// While signed in, the open organization's members, groups and outbox are fetched again every
// POLL_MS and redrawn when they changed, so members appear as the identity provider sends them.
const POLL_MS = 3000;
let generation = 0; // bumped by every fetch of the lists: an older answer never replaces a newer one
let drawn = {};     // each list as last drawn, as JSON

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(child ?? ''));
  }
  return node;
}

function show(message, isError = false) {
  const box = $('message');
  box.textContent = message;
  box.className = isError ? 'error' : '';
  box.hidden = !message;
}

async function call(method, path, body) {
  const response = await fetch(api + path, {
    method,
    headers: Object.assign({ Authorization: 'Bearer ' + state.token },
      body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((data && data.error) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

async function signIn(event) {
  if (event) event.preventDefault();
  state.token = $('token').value.trim() || state.token;
  try {
    await loadOrganizations();
    sessionStorage.setItem('scimkit-admin-token', state.token);
    $('console').hidden = false;
    signedIn(true);
    $('token').value = '';
    show('');
  } catch (error) {
    $('console').hidden = true;
    if (error.status === 401) {
      $('token').value = '';
      state.token = '';
      sessionStorage.removeItem('scimkit-admin-token');
    }
    show(error.status === 401 ? 'That admin token is not valid.' : error.message, true);
  }
}

function signOut() {
  sessionStorage.removeItem('scimkit-admin-token');
  state.token = '';
  state.selected = null;
  drawn = {};
  $('console').hidden = true;
  signedIn(false);
  show('Signed out.');
}

function signedIn(yes) {
  for (const id of ['token', 'token-label', 'sign-in']) $(id).hidden = yes;
  $('sign-out').hidden = !yes;
}

async function loadOrganizations() {
  state.organizations = await call('GET', 'organizations');
  if (!state.selected && state.organizations.length) state.selected = state.organizations[0].id;
  renderOrganizations();
  await loadSelected();
}

function renderOrganizations() {
  const body = $('organizations').tBodies[0];
  body.replaceChildren(...state.organizations.map((org) => el('tr',
    { class: org.id === state.selected ? 'selected' : '', dataset: { org: org.id } },
    el('td', {}, org.name, org.demo ? el('span', { class: 'muted' }, ' (demo)') : ''),
    el('td', {}, el('code', {}, org.id)),
    el('td', { class: org.scimEnabled ? 'enabled' : 'disabled' }, org.scimEnabled ? 'Enabled' : 'Disabled'),
    el('td', {}, org.idpProfile),
    el('td', {}, org.mode.toLowerCase()),
    el('td', {}, el('button', { type: 'button', class: 'small select-org', onclick: () => select(org.id) }, 'Open')))));
}

async function select(id) {
  if (state.selected !== id) {
    $('api-key').textContent = '';
    $('api-key-note').textContent = '';
  }
  state.selected = id;
  renderOrganizations();
  await loadSelected();
}

async function loadSelected() {
  const org = state.organizations.find((o) => o.id === state.selected);
  $('org-panel').hidden = !org;
  if (!org) return;
  $('org-name').textContent = org.name;
  $('scim-state').textContent = org.scimEnabled ? 'Enabled' : 'Disabled';
  $('scim-state').className = org.scimEnabled ? 'enabled' : 'disabled';
  $('scim-url').textContent = org.scimUrl;
  if (!$('api-key').textContent) {
    $('api-key-note').textContent = org.apiKeyCreated
      ? 'issued ' + new Date(org.apiKeyCreated).toLocaleString() + '; stored hashed, shown only when issued'
      : 'none';
  }
  $('enable-scim').disabled = org.scimEnabled;
  $('rotate-key').disabled = !org.scimEnabled;
  $('disable-scim').disabled = !org.scimEnabled;
  $('idp-profile').value = org.idpProfile;
  $('mode').value = org.mode;
  await loadLists();
}

async function loadLists() {
  const id = state.selected;
  const mine = ++generation;
  const path = `organizations/${encodeURIComponent(id)}/`;
  const [members, groups, outbox, rules] = await Promise.all(
    ['members', 'groups', 'outbox', 'role-rules'].map((list) => call('GET', path + list)));
  if (mine !== generation || id !== state.selected) return;
  state.rules = rules.rules;
  redraw('members', [id, members], () => renderMembers(members));
  redraw('groups', [id, groups], () => renderGroups(groups));
  redraw('rules', [id, rules], () => renderRules(rules.rules));
  redraw('outbox', [id, outbox], () => renderOutbox(outbox));
}

// Redraws one list only when it changed, so rows a person is about to click stay in place.
function redraw(list, data, render) {
  const json = JSON.stringify(data);
  if (drawn[list] === json) return;
  drawn[list] = json;
  render();
}

async function poll() {
  try {
    if (state.token && state.selected && !$('console').hidden && !document.hidden) await loadLists();
  } catch (error) {
    if (error.status === 401) {
      signOut();
      show('The admin token is no longer valid (was a new one issued?). Sign in again.', true);
    }
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

// Copies the text of the element a Copy button names; where the clipboard is refused, selects it instead.
async function copy(button) {
  const target = $(button.dataset.copy);
  let copied = true;
  try {
    await navigator.clipboard.writeText(target.textContent);
  } catch (error) {
    window.getSelection().selectAllChildren(target);
    copied = document.execCommand('copy');
  }
  button.textContent = copied ? 'Copied' : 'Selected: press Ctrl+C';
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
}

function renderMembers(members) {
  const body = $('members').tBodies[0];
  if (!members.length) {
    body.replaceChildren(el('tr', {}, el('td', { colSpan: 7, class: 'muted' }, 'No members yet: connect an identity provider.')));
    return;
  }
  body.replaceChildren(...members.map((member) => el('tr', { dataset: { member: member.userName, memberId: member.id } },
    el('td', {}, member.userName),
    el('td', {}, member.email || ''),
    el('td', {}, member.displayName || ''),
    el('td', {}, el('span', { class: 'status status-' + member.status }, member.status),
      member.statusBeforeRevoke ? el('span', { class: 'muted' }, ' (was ' + member.statusBeforeRevoke + ')') : ''),
    el('td', { class: 'role' }, member.role, el('span', { class: 'muted' }, ' (' + member.roleSource + ')')),
    el('td', {}, member.groups.map((g) => g.name).join(', ')),
    el('td', {}, member.status === 'Accepted'
      ? el('button', { type: 'button', class: 'small confirm', onclick: () => confirmMember(member) }, 'Confirm')
      : ''))));
}

function renderGroups(groups) {
  const body = $('groups').tBodies[0];
  if (!groups.length) {
    body.replaceChildren(el('tr', {}, el('td', { colSpan: 2, class: 'muted' }, 'No groups yet.')));
    return;
  }
  body.replaceChildren(...groups.map((group) => el('tr', { dataset: { group: group.displayName } },
    el('td', {}, group.displayName),
    el('td', {}, group.members.map((m) => m.name || m.id).join(', ')))));
}

function renderRules(rules) {
  const body = $('role-rules').tBodies[0];
  if (!rules.length) {
    body.replaceChildren(el('tr', {}, el('td', { colSpan: 3, class: 'muted' }, 'No rules: roles come from SCIM only.')));
    return;
  }
  body.replaceChildren(...rules.map((rule, index) => el('tr', { dataset: { group: rule.group } },
    el('td', {}, rule.group),
    el('td', {}, rule.role),
    el('td', {}, el('button', { type: 'button', class: 'small remove-rule',
      onclick: () => saveRules(rules.filter((_, i) => i !== index), 'The rule for ' + rule.group + ' is removed.') }, 'Remove')))));
}

// Saves the whole rule set; the server re-evaluates every member's role before it answers.
async function saveRules(rules, done) {
  return action(async () => {
    await call('PUT', `organizations/${encodeURIComponent(state.selected)}/role-rules`, { rules });
    await loadLists();
    show(done);
    return true;
  });
}

function renderOutbox(messages) {
  const body = $('outbox').tBodies[0];
  if (!messages.length) {
    body.replaceChildren(el('tr', {}, el('td', { colSpan: 5, class: 'muted' }, 'Nothing sent yet.')));
    return;
  }
  body.replaceChildren(...messages.slice().reverse().map((message) => el('tr', { dataset: { kind: message.kind } },
    el('td', {}, String(message.seq)),
    el('td', {}, message.kind),
    el('td', {}, message.recipient || ''),
    el('td', {}, message.message),
    el('td', {}, message.link ? el('a', { href: message.link, target: '_blank', rel: 'noopener' }, 'acceptance link') : ''))));
}

function showKey(credentials, what) {
  $('api-key').textContent = credentials.apiKey;
  $('api-key-note').textContent = 'copy it now: it is stored hashed and will not be shown again';
  show(what + ' Give the identity provider the SCIM URL and this API key.');
}

async function action(run) {
  try {
    return await run();
  } catch (error) {
    show(error.message, true);
  }
}

async function confirmMember(member) {
  await action(async () => {
    await call('POST', `organizations/${encodeURIComponent(state.selected)}/members/${encodeURIComponent(member.id)}/confirm`);
    show(member.userName + ' is confirmed.');
    await loadSelected();
  });
}

function wire() {
  $('sign-in-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('refresh').addEventListener('click', () => action(loadOrganizations));
  $('enable-scim').addEventListener('click', () => action(async () => {
    const credentials = await call('POST', `organizations/${encodeURIComponent(state.selected)}/scim/enable`);
    await loadOrganizations();
    showKey(credentials, 'SCIM is enabled.');
  }));
  $('rotate-key').addEventListener('click', () => action(async () => {
    const credentials = await call('POST', `organizations/${encodeURIComponent(state.selected)}/scim/rotate-key`);
    await loadOrganizations();
    showKey(credentials, 'A new key replaces the old one, which no longer works.');
  }));
  $('disable-scim').addEventListener('click', () => action(async () => {
    await call('POST', `organizations/${encodeURIComponent(state.selected)}/scim/disable`);
    $('api-key').textContent = '';
    await loadOrganizations();
    show('SCIM is disabled and the key removed; members and groups stay.');
  }));
  $('create-org-form').addEventListener('submit', (event) => {
    event.preventDefault();
    action(async () => {
      const org = await call('POST', 'organizations', { name: $('new-org-name').value });
      $('new-org-name').value = '';
      state.selected = org.id;
      $('api-key').textContent = '';
      await loadOrganizations();
      show(org.name + ' is created. Enable SCIM to get its SCIM URL and API key.');
    });
  });
  $('settings-form').addEventListener('submit', (event) => {
    event.preventDefault();
    action(async () => {
      await call('PUT', `organizations/${encodeURIComponent(state.selected)}/settings`,
        { idpProfile: $('idp-profile').value, mode: $('mode').value });
      await loadOrganizations();
      show('Settings saved.');
    });
  });
  $('role-rule-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const rule = { group: $('rule-group').value.trim(), role: $('rule-role').value };
    saveRules(state.rules.concat([rule]), 'Members of ' + rule.group + ' are ' + rule.role + ' now.')
      .then((saved) => { if (saved) $('rule-group').value = ''; });
  });
  for (const button of document.querySelectorAll('button.copy')) {
    button.addEventListener('click', () => copy(button));
  }
  if (state.token) signIn();
  setTimeout(poll, POLL_MS);
}

wire();
