package dev.jwtauth.audit;

/**
 * Told of every audit event as it is recorded, for instance to count it. Called on the
 * request's thread, so an implementation must be quick and must not throw.
 */
public interface AuditListener {

	/**
	 * @param event what happened, e.g. {@code login}
	 * @param outcome how it ended, e.g. {@code success}
	 */
	void recorded(String event, String outcome);

}
