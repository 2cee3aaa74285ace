//! Counts of the matching documents by each filter's values, gathered while the search runs (no
//! second pass): for every match, the values of the filter fields are read from tantivy's
//! column store by ordinal, and ordinals become values once per segment.

use std::collections::HashMap;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// The filters counted, in this order.
pub const FACETS: [&str; 5] = ["kind", "partner", "theme", "language", "status"];

/// For each filter, its values with how many matching documents have them, most first
/// (ties by value).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    pub counts: Vec<(&'static str, Vec<(String, u64)>)>,
}

impl Facets {
    /// The values of one filter.
    pub fn of(&self, facet: &str) -> &[(String, u64)] {
        self.counts.iter().find(|(name, _)| *name == facet).map_or(&[], |(_, values)| values.as_slice())
    }
}

/// Counts every facet but `status` unless `with_status` (statuses other than published
/// concern only readers who may see them).
pub struct Counter {
    facets: Vec<&'static str>,
}

impl Counter {
    pub fn new(with_status: bool) -> Self {
        Counter { facets: FACETS.iter().copied().filter(|f| with_status || *f != "status").collect() }
    }
}

pub struct SegmentCounter {
    columns: Vec<(&'static str, Option<StrColumn>, Vec<u64>)>,
}

impl Collector for Counter {
    type Fruit = Facets;
    type Child = SegmentCounter;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentCounter> {
        let mut columns = Vec::with_capacity(self.facets.len());
        for &facet in &self.facets {
            let column = segment.fast_fields().str(facet)?;
            let terms = column.as_ref().map_or(0, |c| c.num_terms());
            columns.push((facet, column, vec![0; terms]));
        }
        Ok(SegmentCounter { columns })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Vec<(&'static str, Vec<(String, u64)>)>>) -> tantivy::Result<Facets> {
        let mut merged: Vec<(&'static str, HashMap<String, u64>)> =
            self.facets.iter().map(|f| (*f, HashMap::new())).collect();
        for segment in segments {
            for (facet, values) in segment {
                let Some((_, into)) = merged.iter_mut().find(|(f, _)| *f == facet) else { continue };
                for (value, n) in values {
                    *into.entry(value).or_default() += n;
                }
            }
        }
        Ok(Facets {
            counts: merged
                .into_iter()
                .map(|(facet, values)| {
                    let mut values: Vec<(String, u64)> = values.into_iter().collect();
                    values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                    (facet, values)
                })
                .collect(),
        })
    }
}

impl SegmentCollector for SegmentCounter {
    type Fruit = Vec<(&'static str, Vec<(String, u64)>)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (_, column, counts) in &mut self.columns {
            let Some(column) = column else { continue };
            for ord in column.term_ords(doc) {
                if let Some(n) = usize::try_from(ord).ok().and_then(|o| counts.get_mut(o)) {
                    *n += 1;
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.columns
            .into_iter()
            .map(|(facet, column, counts)| {
                let mut values = Vec::new();
                if let Some(column) = column {
                    for (ord, n) in counts.into_iter().enumerate() {
                        let mut value = String::new();
                        if n > 0 && column.ord_to_str(ord as u64, &mut value).unwrap_or(false) {
                            values.push((value, n));
                        }
                    }
                }
                (facet, values)
            })
            .collect()
    }
}
