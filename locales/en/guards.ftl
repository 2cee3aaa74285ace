## Changes that would leave the platform without an administrator.
error-last_administrator = This is the only active administrator. Make another account an administrator first.
