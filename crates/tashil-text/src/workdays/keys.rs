//! Stable snake_case holiday keys (the app translates them; never rename one).

// Iran, Solar Hijri (computed).
pub(super) const NOWRUZ: &str = "nowruz";
pub(super) const ISLAMIC_REPUBLIC_DAY: &str = "islamic_republic_day";
pub(super) const NATURE_DAY: &str = "nature_day";
pub(super) const DEMISE_IMAM_KHOMEINI: &str = "demise_imam_khomeini";
pub(super) const KHORDAD_15_UPRISING: &str = "khordad_15_uprising";
pub(super) const REVOLUTION_DAY: &str = "revolution_day";
pub(super) const OIL_NATIONALISATION_DAY: &str = "oil_nationalisation_day";
pub(super) const ESFAND_30: &str = "esfand_30";

// Iran, lunar Hijri (table).
pub(super) const TASUA: &str = "tasua";
pub(super) const ASHURA: &str = "ashura";
pub(super) const ARBAEEN: &str = "arbaeen";
pub(super) const DEMISE_PROPHET: &str = "demise_prophet";
pub(super) const MARTYRDOM_IMAM_REZA: &str = "martyrdom_imam_reza";
pub(super) const MARTYRDOM_IMAM_HASAN_ASKARI: &str = "martyrdom_imam_hasan_askari";
pub(super) const BIRTHDAY_PROPHET: &str = "birthday_prophet";
pub(super) const MARTYRDOM_FATIMA: &str = "martyrdom_fatima";
pub(super) const BIRTHDAY_IMAM_ALI: &str = "birthday_imam_ali";
pub(super) const MABATH: &str = "mabath";
pub(super) const BIRTHDAY_IMAM_MAHDI: &str = "birthday_imam_mahdi";
pub(super) const MARTYRDOM_IMAM_ALI: &str = "martyrdom_imam_ali";
pub(super) const EID_AL_FITR: &str = "eid_al_fitr";
pub(super) const EID_AL_FITR_HOLIDAY: &str = "eid_al_fitr_holiday";
pub(super) const MARTYRDOM_IMAM_SADEGH: &str = "martyrdom_imam_sadegh";
pub(super) const EID_AL_ADHA: &str = "eid_al_adha";
pub(super) const EID_AL_GHADIR: &str = "eid_al_ghadir";

// Vietnam.
pub(super) const NEW_YEAR: &str = "new_year";
pub(super) const TET: &str = "tet";
pub(super) const HUNG_KINGS: &str = "hung_kings";
pub(super) const REUNIFICATION_DAY: &str = "reunification_day";
pub(super) const LABOUR_DAY: &str = "labour_day";
pub(super) const NATIONAL_DAY: &str = "national_day";
/// Vietnam Culture Day, 24 November, a paid day off from 2026 (Resolution 80-NQ/TW).
pub(super) const CULTURE_DAY: &str = "culture_day";
pub(super) const NEW_YEAR_SUBSTITUTE: &str = "new_year_substitute";
pub(super) const HUNG_KINGS_SUBSTITUTE: &str = "hung_kings_substitute";
pub(super) const REUNIFICATION_DAY_SUBSTITUTE: &str = "reunification_day_substitute";
pub(super) const LABOUR_DAY_SUBSTITUTE: &str = "labour_day_substitute";
pub(super) const NATIONAL_DAY_SUBSTITUTE: &str = "national_day_substitute";
pub(super) const CULTURE_DAY_SUBSTITUTE: &str = "culture_day_substitute";
/// A working day the government swapped with a Saturday worked instead.
pub(super) const SWAPPED_DAY_OFF: &str = "swapped_day_off";

// Any country.
pub(super) const OFFICE_CLOSURE: &str = "office_closure";

/// Every key [`super::Holiday::key`] can take, for checking that each has a
/// translation.
pub const HOLIDAY_KEYS: &[&str] = &[
    NOWRUZ,
    ISLAMIC_REPUBLIC_DAY,
    NATURE_DAY,
    DEMISE_IMAM_KHOMEINI,
    KHORDAD_15_UPRISING,
    REVOLUTION_DAY,
    OIL_NATIONALISATION_DAY,
    ESFAND_30,
    TASUA,
    ASHURA,
    ARBAEEN,
    DEMISE_PROPHET,
    MARTYRDOM_IMAM_REZA,
    MARTYRDOM_IMAM_HASAN_ASKARI,
    BIRTHDAY_PROPHET,
    MARTYRDOM_FATIMA,
    BIRTHDAY_IMAM_ALI,
    MABATH,
    BIRTHDAY_IMAM_MAHDI,
    MARTYRDOM_IMAM_ALI,
    EID_AL_FITR,
    EID_AL_FITR_HOLIDAY,
    MARTYRDOM_IMAM_SADEGH,
    EID_AL_ADHA,
    EID_AL_GHADIR,
    NEW_YEAR,
    TET,
    HUNG_KINGS,
    REUNIFICATION_DAY,
    LABOUR_DAY,
    NATIONAL_DAY,
    CULTURE_DAY,
    NEW_YEAR_SUBSTITUTE,
    HUNG_KINGS_SUBSTITUTE,
    REUNIFICATION_DAY_SUBSTITUTE,
    LABOUR_DAY_SUBSTITUTE,
    NATIONAL_DAY_SUBSTITUTE,
    CULTURE_DAY_SUBSTITUTE,
    SWAPPED_DAY_OFF,
    OFFICE_CLOSURE,
];
