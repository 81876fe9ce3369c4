"""A mail backend for tests that refuses one address, as an SMTP server would."""

from smtplib import SMTPRecipientsRefused

from django.core.mail.backends.locmem import EmailBackend

REFUSED = "refusee@example.org"


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise SMTPRecipientsRefused({REFUSED: (550, b"mailbox unavailable")})
        return super().send_messages(messages)
