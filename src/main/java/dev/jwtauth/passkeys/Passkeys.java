package dev.jwtauth.passkeys;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.jwtauth.accounts.AccountDetails;
import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.errors.InvalidFieldsException;
import dev.jwtauth.login.Logins;
import dev.jwtauth.sessions.Sessions;
import dev.jwtauth.sessions.TokenResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * The passkeys module's public API: what an account's export shows of its passkeys, and
 * their removal by an admin's reset. Its routes add, list, rename and remove passkeys and
 * log in with them.
 */
@Service
public class Passkeys {

	private final Challenges challenges;

	private final PasskeyStore store;

	private final Ceremonies ceremonies;

	private final RelyingParty party;

	private final Accounts accounts;

	private final Logins logins;

	private final PasskeyMails mails;

	private final AuditLog audit;

	private final Clock clock;

	Passkeys(Challenges challenges, PasskeyStore store, Ceremonies ceremonies, RelyingParty party, Accounts accounts,
			Logins logins, PasskeyMails mails, AuditLog audit, Clock clock) {
		this.challenges = challenges;
		this.store = store;
		this.ceremonies = ceremonies;
		this.party = party;
		this.accounts = accounts;
		this.logins = logins;
		this.mails = mails;
		this.audit = audit;
		this.clock = clock;
	}

	/** The account's passkeys as its export shows them: names and times, never a key. */
	public List<PasskeyView> export(UUID accountId) {
		return list(accountId);
	}

	/**
	 * Removes every passkey of the account and mails a notice when there were any: an
	 * admin's reset, or a password reset through an address nobody had proven.
	 * @return how many were removed
	 */
	public int removeAll(UUID accountId, String event, ClientInfo client) {
		int removed = this.store.deleteAll(accountId);
		this.challenges.endAll(accountId);
		if (removed > 0) {
			this.audit.record(event, accountId, client.address(), "success");
			this.accounts.find(accountId).ifPresent((account) -> this.mails.removed(account, removed));
		}
		return removed;
	}

	/** @throws ResponseStatusException 404 when the settings leave no valid RP id */
	void requireServing() {
		if (!this.party.serving()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Passkeys are not offered here.");
		}
	}

	/**
	 * The creation options for a new passkey, after the password (and a code when TOTP is
	 * on) proved that the person at the keyboard owns the account, not only its token.
	 */
	Map<String, Object> registrationOptions(UUID accountId, @Nullable String currentPassword, @Nullable String code,
			ClientInfo client) {
		this.logins.reauthenticate(accountId, currentPassword, code, null, "passkey_options", client);
		AccountDetails account = this.accounts.find(accountId).orElseThrow();
		return this.ceremonies.creationOptions(this.challenges.issue(Challenges.REGISTER, accountId), account,
				this.store.of(accountId));
	}

	/**
	 * Stores the passkey that answers one of the account's registration challenges.
	 * @throws InvalidFieldsException naming {@code credential} when it is malformed or
	 * its ceremony fails, {@code name} when that is unfit
	 */
	PasskeyView register(UUID accountId, String credentialJson, @Nullable String name, ClientInfo client) {
		String checkedName = PasskeyNames.check(name);
		RegistrationData data = this.ceremonies.parseRegistration(credentialJson);
		byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
		String refused = null;
		if (!this.challenges.spendRegistration(accountId, challenge)) {
			refused = "its challenge is unknown, spent, expired or another account's";
		}
		else {
			try {
				this.ceremonies.verifyRegistration(data, challenge);
			}
			catch (VerificationException ex) {
				refused = describe(ex);
			}
		}
		if (refused != null) {
			this.audit.record("passkey_add", accountId, client.address(), "failure");
			throw new InvalidFieldsException("credential",
					"was refused (" + refused + "); start again with POST /me/passkeys/options");
		}
		AuthenticatorData<RegistrationExtensionAuthenticatorOutput> authenticatorData = data.getAttestationObject()
			.getAuthenticatorData();
		byte[] publicKey = this.ceremonies.publicKeyOf(data);
		if (publicKey.length > Ceremonies.MAX_PUBLIC_KEY_BYTES) {
			throw new InvalidFieldsException("credential", "carries a public key larger than any authenticator makes");
		}
		PasskeyStore.Stored passkey = new PasskeyStore.Stored(UUID.randomUUID(), accountId,
				authenticatorData.getAttestedCredentialData().getCredentialId(), publicKey,
				authenticatorData.getSignCount(), new ArrayList<>(Ceremonies.transportsOf(data)), checkedName,
				this.clock.instant(), null);
		try {
			this.store.insert(passkey);
		}
		catch (DuplicateKeyException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "This passkey is registered already.");
		}
		this.audit.record("passkey_add", accountId, client.address(), "success");
		this.accounts.find(accountId).ifPresent((account) -> this.mails.added(account, checkedName));
		return PasskeyView.of(passkey);
	}

	List<PasskeyView> list(UUID accountId) {
		return this.store.of(accountId).stream().map(PasskeyView::of).toList();
	}

	boolean rename(UUID accountId, UUID id, @Nullable String name) {
		return this.store.rename(accountId, id, PasskeyNames.check(name));
	}

	boolean remove(UUID accountId, UUID id, ClientInfo client) {
		if (!this.store.delete(accountId, id)) {
			return false;
		}
		this.audit.record("passkey_remove", accountId, client.address(), "success");
		this.accounts.find(accountId).ifPresent((account) -> this.mails.removed(account, 1));
		return true;
	}

	Map<String, Object> loginOptions() {
		Challenges.Issued challenge = this.challenges.issue(Challenges.LOGIN, null);
		return Map.of("challenge_id", challenge.id().toString(), "options",
				this.ceremonies.requestOptions(challenge));
	}

	/**
	 * A login with a discoverable credential: the session's tokens say
	 * {@code amr: ["swk", "user", "mfa"]}. A refusal counts toward the client address's
	 * lockout.
	 * @throws PasskeyLoginRefusedException whatever check failed
	 */
	TokenResponse login(UUID challengeId, String credentialJson, ClientInfo client) {
		AuthenticationData data = this.ceremonies.parseAuthentication(credentialJson);
		return this.logins
			.completeProvenLogin(client, Sessions.PASSKEY, "login_passkey", () -> verify(challengeId, data))
			.orElseThrow(PasskeyLoginRefusedException::new);
	}

	private Optional<AccountDetails> verify(UUID challengeId, AuthenticationData data) {
		byte[] challenge = data.getCollectedClientData().getChallenge().getValue();
		if (!this.challenges.spendLogin(challengeId, challenge)) {
			return Optional.empty();
		}
		PasskeyStore.Stored passkey = this.store.findByCredentialId(data.getCredentialId()).orElse(null);
		if (passkey == null) {
			return Optional.empty();
		}
		AccountDetails account = this.accounts.active(passkey.accountId());
		// A discoverable credential names its user; it must be the passkey's owner.
		if (account == null || data.getUserHandle() == null
				|| !Arrays.equals(data.getUserHandle(), Ceremonies.userHandle(account))) {
			return Optional.empty();
		}
		try {
			this.ceremonies.verifyAuthentication(data, challenge, passkey);
		}
		catch (VerificationException ex) {
			return Optional.empty();
		}
		long count = data.getAuthenticatorData().getSignCount();
		Instant now = this.clock.instant();
		if (!this.store.used(passkey.id(), passkey.signCount(), count, now)) {
			// Another login with this passkey moved the counter meanwhile: a clone's race.
			return Optional.empty();
		}
		return Optional.of(account);
	}

	/** The failed check in words, from webauthn4j's exception: BadOriginException is "bad origin". */
	private static String describe(VerificationException ex) {
		return ex.getClass()
			.getSimpleName()
			.replace("Exception", "")
			.replaceAll("([a-z])([A-Z])", "$1 $2")
			.toLowerCase(Locale.ROOT);
	}

}
