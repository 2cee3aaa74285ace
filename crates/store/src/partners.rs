//! Partners: listing and lookup.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::partners;
use diesel::prelude::*;
use mfx_domain::partner::PartnerProfile;
use mfx_domain::{Locale, Partner, PartnerId, PartnerKind, PartnerSlug, TimeZone};

#[derive(Queryable, Selectable)]
#[diesel(table_name = partners)]
pub(crate) struct PartnerRow {
    pub id: String,
    pub slug: String,
    pub kind: String,
    pub short_name: String,
    pub name_en: String,
    pub name_local: String,
    pub country: String,
    pub region: String,
    pub region_names: String,
    pub locale: String,
    pub time_zone: String,
}

impl TryFrom<PartnerRow> for Partner {
    type Error = StoreError;

    fn try_from(row: PartnerRow) -> Result<Self, StoreError> {
        let bad = |what: &str| corrupt("partners", format!("{what} of partner {}", row.id));
        Ok(Partner {
            id: row.id.parse().map_err(|_| bad("id"))?,
            profile: PartnerProfile {
                slug: PartnerSlug::parse(&row.slug).map_err(|_| bad("slug"))?,
                kind: PartnerKind::parse(&row.kind).ok_or_else(|| bad("kind"))?,
                short_name: row.short_name,
                name_en: row.name_en,
                name_local: row.name_local,
                country: row.country,
                region: row.region,
                region_names: serde_json::from_str(&row.region_names).map_err(|_| bad("region names"))?,
                locale: row.locale.parse::<Locale>().map_err(|_| bad("locale"))?,
                time_zone: TimeZone::parse(&row.time_zone).map_err(|_| bad("time zone"))?,
            },
        })
    }
}

/// Every partner, in the seed file's order.
pub fn list(conn: &mut DbConnection) -> Result<Vec<Partner>, StoreError> {
    partners::table
        .order(partners::position.asc())
        .select(PartnerRow::as_select())
        .load(conn)?
        .into_iter()
        .map(Partner::try_from)
        .collect()
}

pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> Result<Option<Partner>, StoreError> {
    partners::table
        .filter(partners::slug.eq(slug))
        .select(PartnerRow::as_select())
        .first(conn)
        .optional()?
        .map(Partner::try_from)
        .transpose()
}

pub fn find(conn: &mut DbConnection, id: PartnerId) -> Result<Option<Partner>, StoreError> {
    partners::table
        .find(id.to_string())
        .select(PartnerRow::as_select())
        .first(conn)
        .optional()?
        .map(Partner::try_from)
        .transpose()
}
