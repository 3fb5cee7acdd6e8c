package dev.jwtauth.selfservice;

import java.util.List;
import java.util.UUID;

import dev.jwtauth.accounts.Accounts;
import dev.jwtauth.accounts.ProfileView;
import dev.jwtauth.audit.AuditEvent;
import dev.jwtauth.audit.AuditLog;
import dev.jwtauth.client.ClientInfo;
import dev.jwtauth.login.Logins;
import dev.jwtauth.mfa.SecondFactors;
import dev.jwtauth.passkeys.PasskeyView;
import dev.jwtauth.passkeys.Passkeys;
import dev.jwtauth.sessions.SessionView;
import dev.jwtauth.sessions.Sessions;
import dev.jwtauth.tokens.VerifiedToken;
import dev.jwtauth.work.WorkItemView;
import dev.jwtauth.work.WorkItems;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * What an account's owner may take away or end: the export holds every record the
 * service keeps about the account, without a secret; the deletion leaves none but the
 * audit events, which name the account by its public id only.
 */
@Service
class SelfService {

	private final Accounts accounts;

	private final Sessions sessions;

	private final WorkItems workItems;

	private final Logins logins;

	private final AuditLog audit;

	private final SecondFactors factors;

	private final Passkeys passkeys;

	SelfService(Accounts accounts, Sessions sessions, WorkItems workItems, Logins logins, AuditLog audit,
			SecondFactors factors, Passkeys passkeys) {
		this.factors = factors;
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.sessions = sessions;
		this.workItems = workItems;
		this.logins = logins;
		this.audit = audit;
	}

	Export export(VerifiedToken token) {
		UUID id = token.accountId();
		ProfileView profile = this.accounts.profile(id).orElseThrow();
		return new Export(profile, this.sessions.live(id, token), this.workItems.of(id), this.factors.export(id),
				this.passkeys.export(id), this.audit.about(id));
	}

	/**
	 * Deletes the account after checking its password (counted like a login): every
	 * session and token ends on every instance, and its names are free again.
	 */
	void delete(UUID id, @Nullable String currentPassword, @Nullable String code, @Nullable String recoveryCode,
			ClientInfo client) {
		this.logins.reauthenticate(id, currentPassword, code, recoveryCode, "account_delete", client);
		this.sessions.revokeAll(id);
		this.accounts.delete(id);
		this.logins.liftLockout(id);
		this.audit.record("account_delete", id, client.address(), "success");
	}

	/** Everything the service holds about an account; factors and passkeys without their keys. */
	record Export(ProfileView profile, List<SessionView> sessions, List<WorkItemView> workItems,
			List<SecondFactors.FactorView> factors, List<PasskeyView> passkeys, List<AuditEvent> auditEvents) {
	}

}
