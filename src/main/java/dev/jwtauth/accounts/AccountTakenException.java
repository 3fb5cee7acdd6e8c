package dev.jwtauth.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A signup whose username or email is already someone's login name. The answer does
 * not say which of the two, nor whose.
 */
public class AccountTakenException extends ErrorResponseException {

	public AccountTakenException() {
		super(HttpStatus.CONFLICT,
				ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "That username or email is already taken."),
				null);
	}

}
