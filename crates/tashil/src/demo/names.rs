//! Names for demo units and QC managers, from the word lists of `tashil_reference::names`:
//! Persian or Vietnamese with an English form, built from the unit's activity and city so
//! that a dairy is not called a cement works.

use tashil_reference::names::{company_name, person_name};
use tashil_reference::{City, Country, products::Product};

use super::rng::Rng;

pub struct UnitNames {
    pub fa: String,
    pub en: String,
    pub vi: String,
}

pub fn unit_name(rng: &mut Rng, country: Country, product: &Product, city: &City) -> UnitNames {
    let (native, en) = company_name(country, product.isic_division(), city, |n| {
        rng.below(n as u64) as usize
    });
    match country {
        Country::Ir => UnitNames {
            fa: native,
            en,
            vi: String::new(),
        },
        Country::Vn => UnitNames {
            fa: String::new(),
            en,
            vi: native,
        },
    }
}

/// A QC manager with a valid personal code (Iran) or a 12-digit citizen ID (Vietnam).
pub fn qc_manager(rng: &mut Rng, country: Country, seq: u64) -> (String, String) {
    let female = rng.chance(40);
    let (name, _) = person_name(country, female, |n| rng.below(n as u64) as usize);
    let code = match country {
        Country::Ir => (0..)
            .find_map(|k| {
                tashil_text::ids::IranPersonalCode::from_prefix(
                    2_000_000 + (seq * 37 + k) % 900_000_000,
                )
            })
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        Country::Vn => format!("036{:09}", 100_000 + seq),
    };
    (name, code)
}
