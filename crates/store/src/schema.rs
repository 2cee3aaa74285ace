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
    content_stamp (id) {
        id -> Integer,
        value -> BigInt,
    }
}

diesel::table! {
    content_changes (seq) {
        seq -> BigInt,
        document_id -> Nullable<Text>,
        at -> Timestamp,
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
        region_names -> Text,
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
        digest_frequency -> Text,
        digest_weekday -> Integer,
        digest_hour -> Integer,
    }
}

diesel::table! {
    sessions (id) {
        id -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
        cookie_hash -> Nullable<Text>,
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

diesel::table! {
    documents (id) {
        id -> Text,
        kind -> Text,
        partner_id -> Text,
        original_locale -> Text,
        status -> Text,
        visibility -> Text,
        version -> BigInt,
        content_version -> BigInt,
        details -> Text,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        published_at -> Nullable<Timestamp>,
        seed_key -> Nullable<Text>,
    }
}

diesel::table! {
    document_themes (document_id, theme) {
        document_id -> Text,
        theme -> Text,
    }
}

diesel::table! {
    document_texts (document_id, locale) {
        document_id -> Text,
        locale -> Text,
        origin -> Text,
        source_version -> BigInt,
        version -> BigInt,
        title -> Text,
        fields -> Text,
        updated_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    document_revisions (id) {
        id -> Text,
        document_id -> Text,
        version -> BigInt,
        actor_id -> Nullable<Text>,
        at -> Timestamp,
        action -> Text,
        locale -> Nullable<Text>,
        changes -> Text,
        comment -> Nullable<Text>,
    }
}

diesel::table! {
    activity (id) {
        id -> Text,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        verb -> Text,
        subject_kind -> Text,
        subject_id -> Text,
        document_kind -> Nullable<Text>,
        partner_id -> Nullable<Text>,
        locale -> Nullable<Text>,
        details -> Text,
    }
}

diesel::table! {
    action_items (id) {
        id -> Text,
        document_id -> Text,
        position -> Integer,
        title -> Text,
        assignee_partner_id -> Nullable<Text>,
        due_on -> Nullable<Date>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    plan_actions (id) {
        id -> Text,
        document_id -> Text,
        position -> Integer,
        status -> Text,
        progress_percent -> Integer,
        starts_on -> Nullable<Date>,
        ends_on -> Nullable<Date>,
        estimated_cost_eur -> Nullable<BigInt>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    action_inspirations (action_id, practice_id) {
        action_id -> Text,
        practice_id -> Text,
    }
}

diesel::table! {
    attachments (id) {
        id -> Text,
        document_id -> Text,
        filename -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        sha256 -> Text,
        data -> Binary,
        uploaded_by -> Nullable<Text>,
        created_at -> Timestamp,
        pending_change -> Nullable<Text>,
    }
}

diesel::joinable!(documents -> partners (partner_id));
diesel::joinable!(document_themes -> documents (document_id));
diesel::joinable!(document_texts -> documents (document_id));
diesel::joinable!(document_revisions -> documents (document_id));
diesel::joinable!(action_items -> documents (document_id));
diesel::joinable!(plan_actions -> documents (document_id));
diesel::joinable!(action_inspirations -> plan_actions (action_id));
diesel::joinable!(attachments -> documents (document_id));
diesel::allow_tables_to_appear_in_same_query!(
    project,
    sessions,
    refresh_tokens,
    login_throttle,
    documents,
    partners,
    users,
    document_themes,
    document_texts,
    document_revisions,
    activity,
    action_items,
    plan_actions,
    action_inspirations,
    attachments,
    periods,
    work_packages,
    deliverables,
    deliverable_partners,
    deliverable_evidence,
    deliverable_history,
    calendar_tokens,
    digest_outbox,
    account_erasures,
);

diesel::table! {
    periods (id) {
        id -> Text,
        code -> Text,
        phase -> Text,
        starts_on -> Date,
        ends_on -> Date,
        created_at -> Timestamp,
    }
}

diesel::table! {
    work_packages (id) {
        id -> Text,
        code -> Text,
        titles -> Text,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    deliverables (id) {
        id -> Text,
        code -> Text,
        work_package_id -> Text,
        period_id -> Nullable<Text>,
        titles -> Text,
        description -> Text,
        due_on -> Date,
        status -> Text,
        version -> BigInt,
        created_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    deliverable_partners (deliverable_id, partner_id) {
        deliverable_id -> Text,
        partner_id -> Text,
    }
}

diesel::table! {
    deliverable_evidence (deliverable_id, document_id) {
        deliverable_id -> Text,
        document_id -> Text,
    }
}

diesel::table! {
    deliverable_history (id) {
        id -> Text,
        deliverable_id -> Text,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        from_status -> Nullable<Text>,
        to_status -> Text,
        comment -> Nullable<Text>,
    }
}

diesel::table! {
    calendar_tokens (id) {
        id -> Text,
        user_id -> Text,
        token_hash -> Text,
        created_at -> Timestamp,
        revoked_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(deliverables -> work_packages (work_package_id));
diesel::joinable!(deliverables -> periods (period_id));
diesel::joinable!(deliverable_partners -> deliverables (deliverable_id));
diesel::joinable!(deliverable_partners -> partners (partner_id));
diesel::joinable!(deliverable_evidence -> deliverables (deliverable_id));
diesel::joinable!(deliverable_history -> deliverables (deliverable_id));
diesel::joinable!(calendar_tokens -> users (user_id));

diesel::table! {
    digest_outbox (id) {
        id -> Text,
        user_id -> Text,
        period_start -> Timestamp,
        period_end -> Timestamp,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(digest_outbox -> users (user_id));

diesel::table! {
    unsubscribe_links (user_id) {
        user_id -> Text,
        generation -> BigInt,
    }
}

diesel::joinable!(unsubscribe_links -> users (user_id));

diesel::table! {
    document_drafts (document_id) {
        document_id -> Text,
        status -> Text,
        content -> Text,
        changed -> Text,
        created_by -> Nullable<Text>,
        updated_by -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    pending_translations (document_id, locale) {
        document_id -> Text,
        locale -> Text,
        origin -> Text,
        source_version -> BigInt,
        title -> Text,
        fields -> Text,
        submitted_by -> Nullable<Text>,
        submitted_at -> Timestamp,
    }
}

diesel::table! {
    account_erasures (user_id) {
        user_id -> Text,
        requested_at -> Nullable<Timestamp>,
        erased_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(account_erasures -> users (user_id));
