// The service's own page: sign up, log in (with a password or a passkey), /me, work
// items, token renewal, password change, TOTP, passkeys, the account's export and
// deletion, and logout, through fetch and an Authorization: Bearer header; and the
// screens that the links of the recovery mails (#/reset, #/verify) lead to.
//
// The access token lives in this module's variables only: never in localStorage,
// sessionStorage or IndexedDB, so an extension reading storage or a later visitor of
// this browser finds nothing. The refresh token never reaches the script at all: the
// service keeps it in its HttpOnly __Host-refresh cookie (asked for with the
// X-Refresh-Token-Delivery header), so a reload restores the session with one refresh.

// The header that asks for the refresh token in the cookie; a cross-site form cannot send it
const COOKIE_DELIVERY = { 'X-Refresh-Token-Delivery': 'cookie' };

let accessToken = null;
let expiresAt = 0;
let renewTimer = null;
let renewing = null;
let profile = null;
// The single-use token of a login waiting for its second step; never an access token
let mfaToken = null;
// The route and one-time token of a mail's link: kept here once read, never in the address
let link = null;

const $ = (id) => document.getElementById(id);

const EXPORT_FILE = 'jwt-auth-service-export.json';

// ---- Calling the service -------------------------------------------------------------

/** One call; resolves to {status, ok, body, headers} and never throws for HTTP errors. */
async function call(method, path, body, withToken, extraHeaders) {
	const headers = { Accept: 'application/json, application/problem+json', ...extraHeaders };
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
			// the refresh cookie comes and goes on this origin only
			credentials: 'same-origin',
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
	if (answer.status === 401 && accessToken) {
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
	expiresAt = 0;
	profile = null;
	clearTimeout(renewTimer);
	renewTimer = null;
	clearSignedInView();
}

/** Nothing of one user stays on the page for whoever logs in next. */
function clearSignedInView() {
	for (const name of ['me', 'session', 'work', 'email', 'password', 'data', 'delete', 'totpStart', 'totpConfirm',
		'totpOff', 'passkeyAdd']) {
		clearProblems(name);
	}
	$('passkey-list').replaceChildren();
	$('passkey-add-form').reset();
	// an enrolment's key and the recovery codes are shown once, to this user only
	$('totp-secret').textContent = '';
	$('totp-qr').removeAttribute('src');
	$('totp-recovery-codes').replaceChildren();
	$('totp-recovery').hidden = true;
	$('totp-enrol').hidden = true;
	for (const form of ['totp-start-form', 'totp-confirm-form', 'totp-off-form']) {
		$(form).reset();
	}
	for (const element of document.querySelectorAll('#signed-in dd, #whoami-name')) {
		element.textContent = '';
	}
	$('work-list').replaceChildren();
	$('work-empty').hidden = true;
	$('work-form').reset();
	$('email-form').reset();
	$('password-form').reset();
	$('delete-form').reset();
	$('verification-resend').hidden = true;
}

/** Renews the tokens through the cookie; concurrent callers share one request, so no refresh token is replayed. */
function renew() {
	if (!renewing) {
		const signedIn = accessToken;
		renewing = call('POST', '/auth/refresh', undefined, false, COOKIE_DELIVERY)
			.then((answer) => {
				// a logout while the refresh was under way wins
				if (answer.ok && accessToken === signedIn) {
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
	if (!accessToken) {
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
	if (document.visibilityState === 'visible' && accessToken && Date.now() > expiresAt - 30_000) {
		renewInBackground();
	}
});

// ---- Showing problems ----------------------------------------------------------------

/**
 * Each form: its message element, for each field of the API the input and a label, and
 * labels for the fields that have no input (a link's token).
 */
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
	forgot: {
		message: 'forgot-message',
		fields: { username: ['forgot-name', 'Username or email'], email: ['forgot-name', 'Username or email'] },
	},
	reset: {
		message: 'reset-message',
		fields: { new_password: ['reset-password', 'New password'] },
		unseen: { token: 'This reset link' },
	},
	verify: { message: 'verify-message', fields: {}, unseen: { token: 'This link' } },
	email: {
		message: 'email-message',
		fields: { new_email: ['email-new', 'New email'], current_password: ['email-current', 'Current password'] },
	},
	delete: {
		message: 'delete-message',
		fields: { current_password: ['delete-current', 'Current password'], confirm: ['delete-confirm', 'Confirmation'] },
	},
	data: { message: 'data-message', fields: {} },
	mfa: {
		message: 'mfa-message',
		fields: { code: ['mfa-code', 'Code'], recovery_code: ['mfa-code', 'Recovery code'] },
		unseen: { mfa_token: 'This login' },
	},
	totpStart: { message: 'totp-message', fields: { current_password: ['totp-start-current', 'Current password'] } },
	totpConfirm: { message: 'totp-message', fields: { code: ['totp-confirm-code', 'Code'] } },
	totpOff: {
		message: 'totp-message',
		fields: { current_password: ['totp-off-current', 'Current password'], code: ['totp-off-code', 'Code'],
			recovery_code: ['totp-off-code', 'Recovery code'] },
	},
	passkeyAdd: {
		message: 'passkey-message',
		fields: { current_password: ['passkey-current', 'Current password'], code: ['passkey-code', 'Code'],
			name: ['passkey-name', 'Name'] },
		unseen: { credential: 'The passkey' },
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
			const label = (form.unseen && form.unseen[error.field]) || error.field;
			unplaced.push(sentence(label, String(error.message)));
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
		const marked = errors.length - unplaced.length;
		const parts = marked > 0 ? ['Please correct the marked field' + (marked > 1 ? 's' : '') + '.'] : [];
		text = parts.concat(unplaced).join(' ');
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

function showScreen(id) {
	for (const screen of document.querySelectorAll('main > .screen')) {
		screen.hidden = screen.id !== id;
	}
	$('whoami').hidden = accessToken === null;
}

function showSignedOut(notice, kind) {
	showScreen('signed-out');
	showLoginForm();
	$('page-status').textContent = notice || '';
	$('page-status').className = 'banner' + (notice ? ' ' + (kind || 'info') : '');
	$('login-password').value = '';
}

function showSignedIn() {
	showScreen('signed-in');
}

function showLoginForm() {
	$('forgot-form').hidden = true;
	$('mfa-form').hidden = true;
	mfaToken = null;
	$('login-form').hidden = false;
}

function endLocally(notice) {
	const wasSignedIn = accessToken !== null;
	forget();
	// A link's screen stays: what it does needs no session
	if (wasSignedIn && link) {
		$('whoami').hidden = true;
	}
	else if (wasSignedIn) {
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
	await Promise.all([loadMe(), loadWork(), loadPasskeys()]);
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
	const verified = profile.email_verified;
	$('me-email-verified').textContent = verified === true ? 'Verified' : verified === false ? 'Not verified yet' : '—';
	$('verification-resend').hidden = verified !== false;
	$('me-name').textContent = profile.name || '—';
	$('me-roles').textContent = (profile.roles || []).join(', ') || '—';
	$('me-created').textContent = profile.created_at ? formatTime(new Date(profile.created_at)) : '—';
	$('me-id').textContent = profile.id;
	showTotp();
	$('passkey-code-field').hidden = !totpOn();
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

/** Runs a click handler with the button disabled, so a double click sends once. */
function onClick(buttonId, handler) {
	const button = $(buttonId);
	button.addEventListener('click', async () => {
		button.disabled = true;
		try {
			await handler();
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
	const answer = await call('POST', '/auth', body, false, COOKIE_DELIVERY);
	if (!answer.ok) {
		showProblem('login', answer);
		return;
	}
	$('login-password').value = '';
	if (answer.body.mfa_required) {
		askForSecondStep(answer.body.mfa_token);
		return;
	}
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
	const login = await call('POST', '/auth', { username: answer.body.username, password }, false, COOKIE_DELIVERY);
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
	const login = await call('POST', '/auth', { username, password: next }, false, COOKIE_DELIVERY);
	if (!login.ok) {
		endLocally('Your password was changed. Please log in with the new one.');
		return;
	}
	await startSession(login.body, 'Password changed. Your other sessions have ended.');
	$('password-message').textContent = 'Password changed.';
	$('password-message').className = 'form-message success';
});

$('forgot-open').addEventListener('click', () => {
	clearProblems('forgot');
	$('forgot-name').value = $('login-username').value.trim();
	$('login-form').hidden = true;
	$('forgot-form').hidden = false;
	$('forgot-name').focus();
});

$('forgot-back').addEventListener('click', () => {
	showLoginForm();
	$('login-username').focus();
});

onSubmit('forgot-form', async () => {
	clearProblems('forgot');
	const name = $('forgot-name').value.trim();
	const answer = await call('POST', '/recover', name.includes('@') ? { email: name } : { username: name }, false);
	if (!answer.ok) {
		showProblem('forgot', answer);
		return;
	}
	// The service answers alike whether or not the account exists: so does the page
	const said = answer.body && answer.body.message;
	setMessage('forgot-message', said || 'If the account exists and has an email, a reset link is on its way to it.',
		'success');
});

onSubmit('email-form', async () => {
	clearProblems('email');
	const body = { new_email: $('email-new').value.trim(), current_password: $('email-current').value };
	const answer = await authedFor('email', 'POST', '/me/email', body);
	if (!answer) {
		return;
	}
	$('email-form').reset();
	setMessage('email-message', 'If the address is free, a confirmation mail is on its way to it.', 'success');
});

onClick('verification-resend', async () => {
	clearProblems('me');
	const answer = await authedFor('me', 'POST', '/me/email/verification');
	if (answer) {
		setMessage('me-message', 'A new verification mail is on its way (at most one a minute goes out).', 'success');
	}
});

onClick('export-button', async () => {
	clearProblems('data');
	const answer = await authedFor('data', 'GET', '/me/export');
	if (answer) {
		offerFile(EXPORT_FILE, JSON.stringify(answer.body, null, 2) + '\n');
		setMessage('data-message', `Your data is saved as ${EXPORT_FILE}.`, 'success');
	}
});

/** Hands text to the browser as a file download: no server round trip, nothing inline for the CSP. */
function offerFile(name, text) {
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	const anchor = document.createElement('a');
	anchor.href = url;
	anchor.download = name;
	anchor.hidden = true;
	document.body.append(anchor);
	anchor.click();
	anchor.remove();
	// The download has taken its copy once the click's task is over: the blob need not outlive it
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

onSubmit('delete-form', async () => {
	clearProblems('delete');
	if (!$('delete-confirm').checked) {
		showProblem('delete', { status: 400, headers: new Headers(),
			body: { errors: [{ field: 'confirm', message: 'Tick the box to confirm that the account is to go.' }] } });
		return;
	}
	const answer = await authedFor('delete', 'POST', '/me/delete', { current_password: $('delete-current').value });
	if (!answer) {
		return;
	}
	// The account and every session of it are gone on the server: nothing is left to log out
	forget();
	showSignedOut('Your account is deleted.', 'success');
	$('login-username').focus();
});

$('work-reload').addEventListener('click', async () => {
	clearProblems('work');
	await loadWork();
});

onClick('refresh-button', async () => {
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
});

$('logout-button').addEventListener('click', async () => {
	await logOut();
	showSignedOut('You are logged out.');
	$('login-username').focus();
});

/**
 * Ends the login on the service, which also clears the refresh cookie; an expired access
 * token is renewed first, or the cookie would bring the session back on the next reload.
 * A failed call still forgets the access token here.
 */
async function logOut() {
	if (accessToken) {
		await authed('POST', '/logout');
	}
	forget();
}

// ---- Two-step login (TOTP) -------------------------------------------------------------

/** A code as typed: six digits are the app's code, anything else a recovery code. */
function secondFactor(value) {
	const text = value.replace(/\s+/g, '');
	return /^\d{6}$/.test(text) ? { code: text } : { recovery_code: text.toUpperCase() };
}

function askForSecondStep(token) {
	mfaToken = token;
	$('login-form').hidden = true;
	$('forgot-form').hidden = true;
	$('mfa-form').reset();
	clearProblems('mfa');
	$('mfa-form').hidden = false;
	$('mfa-code').focus();
}

onSubmit('mfa-form', async () => {
	clearProblems('mfa');
	const body = { mfa_token: mfaToken, ...secondFactor($('mfa-code').value) };
	const answer = await call('POST', '/auth/mfa', body, false, COOKIE_DELIVERY);
	if (!answer.ok) {
		showProblem('mfa', answer);
		return;
	}
	mfaToken = null;
	$('mfa-form').reset();
	await startSession(answer.body, '');
});

$('mfa-back').addEventListener('click', () => {
	showLoginForm();
	$('login-password').focus();
});

/** The card as /me says: set up, or turn off and renew the recovery codes. */
function showTotp() {
	const on = totpOn();
	$('totp-status').textContent = on
		? 'On: logging in takes your password and a code from your authenticator app.'
		: 'Off: your password alone logs you in. Add an authenticator app (TOTP) for a second step.';
	$('totp-start-form').hidden = on;
	$('totp-off-form').hidden = !on;
	$('totp-enrol').hidden = true;
}

onSubmit('totp-start-form', async () => {
	clearProblems('totpStart');
	const answer = await authedFor('totpStart', 'POST', '/me/mfa/totp',
		{ current_password: $('totp-start-current').value });
	if (!answer) {
		return;
	}
	$('totp-start-form').reset();
	$('totp-start-form').hidden = true;
	// an image, not inline markup: whatever the SVG holds, nothing in it runs
	$('totp-qr').src = 'data:image/svg+xml;base64,' + btoa(answer.body.qr_svg);
	$('totp-secret').textContent = answer.body.secret;
	$('totp-enrol').hidden = false;
	$('totp-confirm-code').focus();
});

onSubmit('totp-confirm-form', async () => {
	clearProblems('totpConfirm');
	const answer = await authedFor('totpConfirm', 'POST', '/me/mfa/totp/confirm',
		{ code: $('totp-confirm-code').value.replace(/\s+/g, '') });
	if (!answer) {
		return;
	}
	$('totp-confirm-form').reset();
	$('totp-secret').textContent = '';
	$('totp-qr').removeAttribute('src');
	await loadMe();
	showRecoveryCodes(answer.body.recovery_codes);
	setMessage('totp-message', 'Two-step login is on.', 'success');
});

function showRecoveryCodes(codes) {
	$('totp-recovery-codes').replaceChildren(...codes.map((code) => {
		const item = document.createElement('li');
		item.textContent = code;
		return item;
	}));
	$('totp-recovery').hidden = false;
	$('totp-recovery-done').focus();
}

$('totp-recovery-done').addEventListener('click', () => {
	$('totp-recovery-codes').replaceChildren();
	$('totp-recovery').hidden = true;
	clearProblems('totpOff');
});

/** Turning off and renewing the codes both take the password and a code. */
function totpProof() {
	return { current_password: $('totp-off-current').value, ...secondFactor($('totp-off-code').value) };
}

onSubmit('totp-off-form', async () => {
	clearProblems('totpOff');
	const answer = await authedFor('totpOff', 'POST', '/me/mfa/totp/disable', totpProof());
	if (!answer) {
		return;
	}
	$('totp-off-form').reset();
	$('totp-recovery').hidden = true;
	await loadMe();
	setMessage('totp-message', 'Two-step login is off.', 'success');
});

onClick('totp-renew-codes', async () => {
	clearProblems('totpOff');
	const answer = await authedFor('totpOff', 'POST', '/me/mfa/recovery-codes', totpProof());
	if (!answer) {
		return;
	}
	$('totp-off-form').reset();
	showRecoveryCodes(answer.body.recovery_codes);
	setMessage('totp-message', 'New recovery codes: the old ones no longer work.', 'success');
});

// ---- The links of the recovery mails ---------------------------------------------------

/**
 * Reads a mail's link (#/reset?token=… or #/verify?token=…) into memory and takes it out
 * of the address bar and the history. Nothing is sent here: a mail scanner that opens
 * the link must not spend the token; only the person's click does.
 */
function readLink() {
	const match = /^#\/(reset|verify)(?:\?(.*))?$/.exec(location.hash);
	if (!match) {
		return;
	}
	link = { route: match[1], token: new URLSearchParams(match[2] || '').get('token') };
	history.replaceState(null, '', location.pathname + location.search);
	const reset = link.route === 'reset';
	showScreen(reset ? 'reset-screen' : 'verify-screen');
	$('page-status').textContent = '';
	$('page-status').className = 'banner';
	clearProblems(reset ? 'reset' : 'verify');
	$('reset-form').reset();
	$('verify-button').hidden = false;
	for (const back of document.querySelectorAll('.link-back')) {
		back.textContent = accessToken ? 'Back to your account' : 'Back to log in';
	}
	$(reset ? 'reset-password' : 'verify-button').focus();
}

/** Leaves a link's screen for the account, or for the login form with a notice. */
async function leaveLink(notice) {
	link = null;
	if (accessToken) {
		showSignedIn();
		$('page-status').textContent = '';
		$('page-status').className = 'banner';
		await loadMe();
		$('main').focus();
		return;
	}
	showSignedOut(notice, 'success');
	$('login-username').focus();
}

onSubmit('reset-form', async () => {
	clearProblems('reset');
	const body = { token: link && link.token, new_password: $('reset-password').value };
	const answer = await call('POST', '/recover/confirm', body, false);
	if (!answer.ok) {
		showProblem('reset', answer);
		if (answer.body && Array.isArray(answer.body.errors) && answer.body.errors.some((e) => e.field === 'token')) {
			$('reset-message').textContent += ' Ask for a new one with “Forgot password?” on the login form.';
		}
		return;
	}
	$('reset-form').reset();
	// The reset may have ended this page's session too: start from the login form
	await logOut();
	await leaveLink('Your password is reset. Log in with the new one.');
});

onSubmit('verify-form', async () => {
	clearProblems('verify');
	const answer = await call('POST', '/verify', { token: link && link.token }, false);
	if (!answer.ok) {
		showProblem('verify', answer);
		return;
	}
	link = { route: 'verify', token: null };
	setMessage('verify-message', 'Your email address is confirmed.', 'success');
	$('verify-button').hidden = true;
	document.querySelector('#verify-screen .link-back').focus();
});

for (const back of document.querySelectorAll('.link-back')) {
	back.addEventListener('click', () => leaveLink(''));
}

// A link pasted into a tab where the page is already open changes only the fragment
window.addEventListener('hashchange', readLink);

// ---- Passkeys (WebAuthn) ---------------------------------------------------------------

function totpOn() {
	return Boolean(profile && Array.isArray(profile.mfa) && profile.mfa.includes('totp'));
}

/** The browser reads and writes WebAuthn's JSON form itself (Level 3). */
const PASSKEYS_IN_BROWSER = Boolean(window.PublicKeyCredential
	&& PublicKeyCredential.parseCreationOptionsFromJSON && PublicKeyCredential.parseRequestOptionsFromJSON);

$('passkey-login').hidden = !PASSKEYS_IN_BROWSER;

/** What to say when the browser or the authenticator made no credential. */
function ceremonyText(error) {
	return error && error.name === 'NotAllowedError'
		? 'No passkey was used: the request was cancelled or timed out.'
		: 'No passkey was used: ' + (error && error.message ? error.message : 'the browser refused.');
}

async function loadPasskeys() {
	if (!PASSKEYS_IN_BROWSER) {
		return;
	}
	const answer = await authed('GET', '/me/passkeys');
	// 404: the service offers no passkeys (its settings give no valid RP id)
	$('passkeys-card').hidden = !answer.ok;
	if (answer.ok) {
		renderPasskeys(answer.body);
	}
}

function renderPasskeys(passkeys) {
	const list = $('passkey-list');
	list.replaceChildren();
	for (const passkey of passkeys) {
		const row = document.createElement('li');
		row.className = 'item';
		row.dataset.id = passkey.id;
		const text = document.createElement('div');
		text.className = 'item-text';
		const name = document.createElement('span');
		name.className = 'item-title';
		name.textContent = passkey.name;
		const time = document.createElement('span');
		time.className = 'item-time';
		time.textContent = 'Added ' + formatTime(new Date(passkey.created_at)) + ', '
			+ (passkey.last_used_at ? 'last used ' + formatTime(new Date(passkey.last_used_at)) : 'not used yet');
		text.append(name, time);
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'button danger small';
		remove.textContent = 'Remove';
		remove.setAttribute('aria-label', 'Remove the passkey “' + passkey.name + '”');
		remove.addEventListener('click', () => removePasskey(passkey, remove));
		row.append(text, remove);
		list.append(row);
	}
	$('passkey-empty').hidden = passkeys.length > 0;
}

async function removePasskey(passkey, button) {
	button.disabled = true;
	const answer = await authed('DELETE', '/me/passkeys/' + encodeURIComponent(passkey.id));
	if (answer.ok || answer.status === 404) {
		clearProblems('passkeyAdd');
		setMessage('passkey-message', `Removed the passkey “${passkey.name}”: it no longer logs you in.`, 'success');
		await loadPasskeys();
	}
	else {
		button.disabled = false;
		if (accessToken) {
			showProblem('passkeyAdd', answer);
		}
	}
}

onSubmit('passkey-add-form', async () => {
	clearProblems('passkeyAdd');
	const proof = { current_password: $('passkey-current').value };
	const code = $('passkey-code').value.replace(/\s+/g, '');
	if (totpOn() && code) {
		proof.code = code;
	}
	const options = await authedFor('passkeyAdd', 'POST', '/me/passkeys/options', proof);
	if (!options) {
		return;
	}
	$('passkey-current').value = '';
	$('passkey-code').value = '';
	let credential;
	try {
		credential = await navigator.credentials.create(
			{ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options.body) });
	}
	catch (error) {
		setMessage('passkey-message', ceremonyText(error), 'error');
		return;
	}
	const added = await authedFor('passkeyAdd', 'POST', '/me/passkeys',
		{ credential: credential.toJSON(), name: optional($('passkey-name').value) });
	if (!added) {
		return;
	}
	$('passkey-add-form').reset();
	setMessage('passkey-message', `Added the passkey “${added.body.name}”.`, 'success');
	await loadPasskeys();
});

onClick('passkey-login', async () => {
	clearProblems('login');
	const start = await call('POST', '/auth/passkey/options', undefined, false);
	if (!start.ok) {
		showProblem('login', start.status === 404
			? { status: 404, body: { detail: 'This service offers no passkeys.' }, headers: start.headers } : start);
		return;
	}
	let credential;
	try {
		credential = await navigator.credentials.get(
			{ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(start.body.options) });
	}
	catch (error) {
		setMessage('login-message', ceremonyText(error), 'error');
		return;
	}
	const answer = await call('POST', '/auth/passkey',
		{ challenge_id: start.body.challenge_id, credential: credential.toJSON() }, false, COOKIE_DELIVERY);
	if (!answer.ok) {
		showProblem('login', answer);
		return;
	}
	$('login-password').value = '';
	await startSession(answer.body, '');
});

// ---- Helpers -------------------------------------------------------------------------

function formatTime(date) {
	return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/**
 * A reload, or a new tab: the refresh cookie, if the browser still holds a live one,
 * brings the session back with one refresh; otherwise the login form. The screens stay
 * hidden until it is known which to show.
 */
async function restoreSession() {
	const answer = await renew();
	if (!answer.ok || !accessToken) {
		if (!link) {
			showSignedOut('');
		}
		return;
	}
	if (link) {
		// what a mail's link does needs no session: its screen stays, the account is a click away
		$('whoami').hidden = false;
		for (const back of document.querySelectorAll('.link-back')) {
			back.textContent = 'Back to your account';
		}
		await loadMe();
		return;
	}
	await startSession(answer.body, '');
}

readLink();
restoreSession();
