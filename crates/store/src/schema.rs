//! Table definitions shared by both backends: TEXT ids and UTC timestamps.

diesel::table! {
    project (id) {
        id -> Integer,
        acronym -> Text,
        title_en -> Text,
        programme -> Text,
        starts_on -> Date,
        ends_on -> Date,
        working_language -> Text,
        budget_eur -> Nullable<BigInt>,
        erdf_eur -> Nullable<BigInt>,
        locales -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    partners (id) {
        id -> Text,
        slug -> Text,
        kind -> Text,
        short_name -> Text,
        name_en -> Text,
        name_local -> Text,
        country -> Text,
        region -> Text,
        locale -> Text,
        time_zone -> Text,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        display_name -> Text,
        partner_id -> Text,
        role -> Text,
        locale -> Text,
        time_zone -> Text,
        active -> Bool,
        password_hash -> Text,
        password_change_required -> Bool,
        version -> BigInt,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    refresh_tokens (id) {
        id -> Text,
        session_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    login_throttle (key) {
        key -> Text,
        failures -> Integer,
        window_started_at -> Timestamp,
        blocked_until -> Nullable<Timestamp>,
    }
}

diesel::joinable!(users -> partners (partner_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::allow_tables_to_appear_in_same_query!(project, partners, users, sessions, refresh_tokens, login_throttle);
