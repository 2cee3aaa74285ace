## Changes that would leave the platform without an administrator.
error-last_administrator = To je edini dejavni skrbnik. Najprej določite drug račun za skrbnika.
