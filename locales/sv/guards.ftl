## Changes that would leave the platform without an administrator.
error-last_administrator = Det här är den enda aktiva administratören. Gör först ett annat konto till administratör.
