// The service's own page: sign up, log in, /me, work items, token renewal, password
// change and logout, through fetch and an Authorization: Bearer header.
//
// Tokens live in this module's variables only: never in localStorage, sessionStorage,
// IndexedDB or a cookie, so another tab, an extension reading storage or a later
// visitor of this browser finds nothing. The price is that a reload logs out.

let accessToken = null;
let refreshToken = null;
let expiresAt = 0;
let renewTimer = null;
let renewing = null;
let profile = null;

const $ = (id) => document.getElementById(id);

// ---- Calling the service -------------------------------------------------------------

/** One call; resolves to {status, ok, body, headers} and never throws for HTTP errors. */
async function call(method, path, body, withToken) {
	const headers = { Accept: 'application/json, application/problem+json' };
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	if (withToken && accessToken) {
		headers.Authorization = 'Bearer ' + accessToken;
	}
	let response;
	try {
		response = await fetch(path, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			credentials: 'omit',
			cache: 'no-store',
		});
	}
	catch (error) {
		return { status: 0, ok: false, body: null, headers: new Headers() };
	}
	let parsed = null;
	const type = response.headers.get('Content-Type') || '';
	if (type.includes('json')) {
		try {
			parsed = await response.json();
		}
		catch (error) {
			parsed = null;
		}
	}
	return { status: response.status, ok: response.ok, body: parsed, headers: response.headers };
}

/**
 * A call as the signed-in user. An access token refused as invalid (expired while the
 * tab slept, say) is renewed once and the call repeated; if that fails too, the session
 * is over and the page goes back to the login form.
 */
async function authed(method, path, body) {
	let answer = await call(method, path, body, true);
	if (answer.status === 401 && refreshToken) {
		const renewed = await renew();
		if (renewed.ok) {
			answer = await call(method, path, body, true);
		}
	}
	if (answer.status === 401) {
		endLocally('Your session has ended. Please log in again.');
	}
	return answer;
}

/**
 * A call as the signed-in user whose failure is shown next to the named form; null when
 * it failed. Once the session has ended, the login form says why instead.
 */
async function authedFor(formName, method, path, body) {
	const answer = await authed(method, path, body);
	if (answer.ok) {
		return answer;
	}
	if (accessToken) {
		showProblem(formName, answer);
	}
	return null;
}

// ---- Tokens --------------------------------------------------------------------------

function keep(tokenAnswer) {
	accessToken = tokenAnswer.access_token;
	refreshToken = tokenAnswer.refresh_token || refreshToken;
	const seconds = Number(tokenAnswer.expires_in) || 60;
	expiresAt = Date.now() + seconds * 1000;
	// Renew a little before expiry: a minute early for the usual lifetimes, a fifth of
	// the lifetime for short ones.
	const lead = Math.min(60, seconds / 5);
	clearTimeout(renewTimer);
	renewTimer = setTimeout(() => renewInBackground(), Math.max(1, seconds - lead) * 1000);
	$('session-expires').textContent = formatTime(new Date(expiresAt));
	$('session-renewed').textContent = formatTime(new Date());
}

function forget() {
	accessToken = null;
	refreshToken = null;
	expiresAt = 0;
	profile = null;
	clearTimeout(renewTimer);
	renewTimer = null;
	clearSignedInView();
}

/** Nothing of one user stays on the page for whoever logs in next. */
function clearSignedInView() {
	for (const name of ['me', 'session', 'work', 'password']) {
		clearProblems(name);
	}
	for (const element of document.querySelectorAll('#signed-in dd, #whoami-name')) {
		element.textContent = '';
	}
	$('work-list').replaceChildren();
	$('work-empty').hidden = true;
	$('work-form').reset();
	$('password-form').reset();
}

/** Renews the tokens; concurrent callers share one request, so no refresh token is replayed. */
function renew() {
	if (!renewing) {
		const presented = refreshToken;
		renewing = call('POST', '/auth/refresh', { refresh_token: presented }, false)
			.then((answer) => {
				if (answer.ok && refreshToken === presented) {
					keep(answer.body);
				}
				return answer;
			})
			.finally(() => {
				renewing = null;
			});
	}
	return renewing;
}

async function renewInBackground() {
	if (!refreshToken) {
		return;
	}
	const answer = await renew();
	if (answer.ok) {
		return;
	}
	if (answer.status === 401) {
		endLocally('Your session has ended. Please log in again.');
	}
	else {
		showProblem('session', answer);
	}
}

// Timers sleep in background tabs: catch up as soon as the page is visible again.
document.addEventListener('visibilitychange', () => {
	if (document.visibilityState === 'visible' && refreshToken && Date.now() > expiresAt - 30_000) {
		renewInBackground();
	}
});

// ---- Showing problems ----------------------------------------------------------------

/** Each form: its message element, and for each field of the API the input and a label. */
const FORMS = {
	login: {
		message: 'login-message',
		fields: { username: ['login-username', 'Username or email'], email: ['login-username', 'Username or email'],
			password: ['login-password', 'Password'] },
	},
	signup: {
		message: 'signup-message',
		fields: { username: ['signup-username', 'Username'], email: ['signup-email', 'Email'],
			name: ['signup-name', 'Name'], password: ['signup-password', 'Password'] },
	},
	work: { message: 'work-message', fields: { title: ['work-title-input', 'Title'] } },
	password: {
		message: 'password-message',
		fields: { current_password: ['password-current', 'Current password'],
			new_password: ['password-new', 'New password'] },
	},
	me: { message: 'me-message', fields: {} },
	session: { message: 'session-message', fields: {} },
};

function clearProblems(formName) {
	const form = FORMS[formName];
	setMessage(form.message, '', '');
	for (const [inputId] of Object.values(form.fields)) {
		$(inputId).removeAttribute('aria-invalid');
		$(inputId + '-error').textContent = '';
	}
}

function setMessage(id, text, kind) {
	const element = $(id);
	element.textContent = text;
	element.className = 'form-message' + (kind ? ' ' + kind : '');
}

/** A sentence from an API field message such as "is required": "Password is required." */
function sentence(label, message) {
	const text = /^[a-z]/.test(message) ? label + ' ' + message : message;
	return /[.!?]$/.test(text) ? text : text + '.';
}

function waitText(retryAfter) {
	const seconds = Number(retryAfter);
	if (!Number.isFinite(seconds) || seconds <= 0) {
		return '';
	}
	if (seconds < 90) {
		return ` You can try again in ${Math.ceil(seconds)} second${seconds === 1 ? '' : 's'}.`;
	}
	const minutes = Math.ceil(seconds / 60);
	return ` You can try again in ${minutes} minutes.`;
}

/** Puts a problem answer next to the form that caused it: field by field where it can. */
function showProblem(formName, answer) {
	const form = FORMS[formName];
	clearProblems(formName);
	const problem = answer.body || {};
	const errors = Array.isArray(problem.errors) ? problem.errors : [];
	const unplaced = [];
	for (const error of errors) {
		const place = form.fields[error.field];
		if (!place) {
			unplaced.push(sentence(error.field, String(error.message)));
			continue;
		}
		const [inputId, label] = place;
		const slot = $(inputId + '-error');
		slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + sentence(label, String(error.message));
		$(inputId).setAttribute('aria-invalid', 'true');
	}
	// The fields are listed in the order of the form: focus the first one to fix.
	const firstInvalid = Object.values(form.fields)
		.map(([inputId]) => $(inputId))
		.find((input) => input.getAttribute('aria-invalid') === 'true');
	let text;
	if (answer.status === 0) {
		text = 'Could not reach the service. Check your connection and try again.';
	}
	else if (answer.status === 400 && errors.length > 0) {
		text = 'Please correct the marked field' + (errors.length > 1 ? 's' : '') + '.';
		if (unplaced.length > 0) {
			text += ' ' + unplaced.join(' ');
		}
	}
	else {
		text = problem.detail || problem.title || `The service answered ${answer.status}.`;
		if (answer.status === 429 || answer.status === 503) {
			text += waitText(answer.headers.get('Retry-After'));
		}
	}
	setMessage(form.message, text, 'error');
	if (firstInvalid) {
		firstInvalid.focus();
	}
}

// ---- Screens -------------------------------------------------------------------------

function showSignedOut(notice) {
	$('signed-in').hidden = true;
	$('whoami').hidden = true;
	$('signed-out').hidden = false;
	$('page-status').textContent = notice || '';
	$('page-status').className = 'banner' + (notice ? ' info' : '');
	$('login-password').value = '';
}

function showSignedIn() {
	$('signed-out').hidden = true;
	$('signed-in').hidden = false;
	$('whoami').hidden = false;
}

function endLocally(notice) {
	const wasSignedIn = accessToken !== null;
	forget();
	if (wasSignedIn) {
		showSignedOut(notice);
		$('login-username').focus();
	}
}

async function startSession(tokenAnswer, notice) {
	clearSignedInView();
	keep(tokenAnswer);
	showSignedIn();
	$('page-status').textContent = notice || '';
	$('page-status').className = 'banner' + (notice ? ' success' : '');
	await Promise.all([loadMe(), loadWork()]);
	$('main').focus();
}

// ---- Who you are ---------------------------------------------------------------------

async function loadMe() {
	const answer = await authedFor('me', 'GET', '/me');
	if (!answer) {
		return;
	}
	profile = answer.body;
	$('whoami-name').textContent = profile.username;
	$('me-username').textContent = profile.username;
	$('me-email').textContent = profile.email || '—';
	$('me-name').textContent = profile.name || '—';
	$('me-roles').textContent = (profile.roles || []).join(', ') || '—';
	$('me-created').textContent = profile.created_at ? formatTime(new Date(profile.created_at)) : '—';
	$('me-id').textContent = profile.id;
	clearProblems('me');
}

// ---- Work items ----------------------------------------------------------------------

async function loadWork() {
	const list = $('work-list');
	list.setAttribute('aria-busy', 'true');
	try {
		const answer = await authedFor('work', 'GET', '/work');
		if (answer) {
			renderWork(answer.body);
		}
	}
	finally {
		list.removeAttribute('aria-busy');
	}
}

function renderWork(items) {
	const list = $('work-list');
	list.replaceChildren();
	for (const item of items) {
		const row = document.createElement('li');
		row.className = 'item';
		row.dataset.id = item.id;
		const text = document.createElement('div');
		text.className = 'item-text';
		const title = document.createElement('span');
		title.className = 'item-title';
		title.textContent = item.title;
		const time = document.createElement('time');
		time.className = 'item-time';
		time.dateTime = item.created_at;
		time.textContent = formatTime(new Date(item.created_at));
		text.append(title, time);
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'button danger small';
		remove.textContent = 'Delete';
		remove.setAttribute('aria-label', 'Delete “' + item.title + '”');
		remove.addEventListener('click', () => deleteItem(item, remove));
		row.append(text, remove);
		list.append(row);
	}
	$('work-empty').hidden = items.length > 0;
}

async function deleteItem(item, button) {
	button.disabled = true;
	const answer = await authed('DELETE', '/work/' + encodeURIComponent(item.id));
	if (answer.ok || answer.status === 404) {
		clearProblems('work');
		setMessage('work-message', `Deleted “${item.title}”.`, 'success');
		await loadWork();
		$('work-title-input').focus();
	}
	else {
		button.disabled = false;
		if (accessToken) {
			showProblem('work', answer);
		}
	}
}

// ---- Forms ---------------------------------------------------------------------------

/** Runs a submit handler with the form's button disabled, so a double press sends once. */
function onSubmit(formId, handler) {
	const form = $(formId);
	form.addEventListener('submit', async (event) => {
		event.preventDefault();
		const button = form.querySelector('button[type=submit]');
		if (button.disabled) {
			return;
		}
		button.disabled = true;
		try {
			await handler(form);
		}
		finally {
			button.disabled = false;
		}
	});
}

function optional(value) {
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

onSubmit('login-form', async () => {
	clearProblems('login');
	const body = { username: $('login-username').value.trim(), password: $('login-password').value };
	const answer = await call('POST', '/auth', body, false);
	if (!answer.ok) {
		showProblem('login', answer);
		return;
	}
	$('login-password').value = '';
	await startSession(answer.body, '');
});

onSubmit('signup-form', async () => {
	clearProblems('signup');
	const username = optional($('signup-username').value);
	const email = optional($('signup-email').value);
	const password = $('signup-password').value;
	const body = { username, password, email, name: optional($('signup-name').value) };
	const answer = await call('POST', '/signup', body, false);
	if (!answer.ok) {
		showProblem('signup', answer);
		return;
	}
	const login = await call('POST', '/auth', { username: answer.body.username, password }, false);
	$('signup-form').reset();
	if (!login.ok) {
		setMessage('signup-message', 'Account created. Please log in.', 'success');
		$('login-username').value = answer.body.username;
		$('login-password').focus();
		return;
	}
	await startSession(login.body, `Welcome, ${answer.body.username}! Your account is ready.`);
});

onSubmit('work-form', async () => {
	clearProblems('work');
	const input = $('work-title-input');
	const answer = await authedFor('work', 'POST', '/work', { title: input.value });
	if (!answer) {
		return;
	}
	input.value = '';
	setMessage('work-message', `Added “${answer.body.title}”.`, 'success');
	await loadWork();
	input.focus();
});

onSubmit('password-form', async () => {
	clearProblems('password');
	const current = $('password-current').value;
	const next = $('password-new').value;
	const answer = await authedFor('password', 'POST', '/me/password',
		{ current_password: current, new_password: next });
	if (!answer) {
		return;
	}
	$('password-form').reset();
	// The change ended every token of this user, this page's included: log in afresh.
	const username = profile ? profile.username : $('whoami-name').textContent;
	const login = await call('POST', '/auth', { username, password: next }, false);
	if (!login.ok) {
		endLocally('Your password was changed. Please log in with the new one.');
		return;
	}
	await startSession(login.body, 'Password changed. Your other sessions have ended.');
	$('password-message').textContent = 'Password changed.';
	$('password-message').className = 'form-message success';
});

$('work-reload').addEventListener('click', async () => {
	clearProblems('work');
	await loadWork();
});

$('refresh-button').addEventListener('click', async () => {
	const button = $('refresh-button');
	button.disabled = true;
	try {
		clearProblems('session');
		const answer = await renew();
		if (answer.ok) {
			setMessage('session-message', 'Token renewed.', 'success');
		}
		else if (answer.status === 401) {
			endLocally('Your session has ended. Please log in again.');
		}
		else {
			showProblem('session', answer);
		}
	}
	finally {
		button.disabled = false;
	}
});

$('logout-button').addEventListener('click', async () => {
	// A failed logout call (already expired, say) still forgets the tokens here.
	if (accessToken) {
		await call('POST', '/logout', undefined, true);
	}
	forget();
	showSignedOut('You are logged out.');
	$('login-username').focus();
});

// ---- Helpers -------------------------------------------------------------------------

function formatTime(date) {
	return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

showSignedOut('');
