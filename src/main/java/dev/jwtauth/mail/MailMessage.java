package dev.jwtauth.mail;

/**
 * One message to one person, in plain text and in HTML saying the same.
 *
 * @param to the recipient's address
 * @param subject the subject line, which never carries a token
 * @param text the plain-text body
 * @param html the HTML body
 */
public record MailMessage(String to, String subject, String text, String html) {
}
