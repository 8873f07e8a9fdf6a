//! How each demo product enters the catalogue: its class (which decides the aspects a
//! standard on it may cover), its requirement template, its ICS codes, and the
//! Vietnamese ministry that would issue a technical regulation (QCVN) on it.

use super::requirements::{self as r, Req};

/// Product classes: each decides which aspects apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Class {
    Food,
    Building,
    Metal,
    Wood,
    Paper,
    Textile,
    Chemical,
    Plastic,
    Vehicle,
    Electrical,
    Gas,
    Toy,
    /// Topics only: water, wastewater, noise.
    Environment,
    /// Topics only: fuels.
    Fuel,
    /// Topics only: personal protective and fire-fighting equipment.
    Protective,
    /// Topics only: measuring instruments.
    Metrology,
}

impl Class {
    pub(crate) const fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A product's profile, in the order of [`crate::products::PRODUCTS`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Profile {
    /// The product's code; tests check that profiles and products line up.
    #[cfg_attr(not(test), allow(dead_code))]
    pub code: &'static str,
    pub class: Class,
    pub spec: &'static [Req],
    pub ics: &'static [&'static str],
    /// Issuing ministry of a QCVN (before the 2025 reorganisation).
    pub ministry: &'static str,
}

const fn p(
    code: &'static str,
    class: Class,
    spec: &'static [Req],
    ics: &'static [&'static str],
    ministry: &'static str,
) -> Profile {
    Profile {
        code,
        class,
        spec,
        ics,
        ministry,
    }
}

use Class::*;

/// One profile per demo product, in the same order.
#[rustfmt::skip]
pub(crate) static PROFILES: &[Profile] = &[
    p("frozen-chicken-cuts", Food, r::POULTRY, &["67.120.20"], "BNNPTNT"),
    p("sausages", Food, r::SAUSAGE, &["67.120.10"], "BYT"),
    p("canned-tuna", Food, r::CANNED_FISH, &["67.120.30"], "BYT"),
    p("frozen-shrimp", Food, r::FROZEN_SEAFOOD, &["67.120.30"], "BNNPTNT"),
    p("frozen-pangasius-fillets", Food, r::FROZEN_SEAFOOD, &["67.120.30"], "BNNPTNT"),
    p("fish-sauce", Food, r::FISH_SAUCE, &["67.120.30", "67.220.10"], "BYT"),
    p("tomato-paste", Food, r::TOMATO_PASTE, &["67.080.20"], "BYT"),
    p("orange-juice", Food, r::JUICE, &["67.160.20", "67.080.10"], "BYT"),
    p("roasted-pistachios", Food, r::NUTS, &["67.080.10"], "BYT"),
    p("cashew-kernels", Food, r::NUTS, &["67.080.10"], "BNNPTNT"),
    p("refined-soybean-oil", Food, r::VEGETABLE_OIL, &["67.200.10"], "BYT"),
    p("hydrogenated-fat", Food, r::SOLID_FAT, &["67.200.10"], "BYT"),
    p("extra-virgin-olive-oil", Food, r::OLIVE_OIL, &["67.200.10"], "BYT"),
    p("pasteurised-milk", Food, r::MILK, &["67.100.10"], "BYT"),
    p("yoghurt", Food, r::YOGHURT, &["67.100.10"], "BYT"),
    p("doogh", Food, r::DOOGH, &["67.100.10", "67.160.20"], "BYT"),
    p("white-cheese", Food, r::CHEESE, &["67.100.30"], "BYT"),
    p("ice-cream", Food, r::ICE_CREAM, &["67.100.40"], "BYT"),
    p("wheat-flour", Food, r::FLOUR, &["67.060"], "BYT"),
    p("milled-rice", Food, r::RICE, &["67.060"], "BNNPTNT"),
    p("sweet-biscuits", Food, r::BISCUIT, &["67.060"], "BYT"),
    p("white-sugar", Food, r::SUGAR, &["67.180.10"], "BYT"),
    p("chocolate-bars", Food, r::CHOCOLATE, &["67.190"], "BYT"),
    p("pasta", Food, r::PASTA, &["67.060"], "BYT"),
    p("instant-noodles", Food, r::NOODLES, &["67.060", "67.230"], "BYT"),
    p("infant-formula", Food, r::INFANT_FORMULA, &["67.100.10", "67.230"], "BYT"),
    p("black-tea", Food, r::BLACK_TEA, &["67.140.10"], "BNNPTNT"),
    p("green-tea", Food, r::GREEN_TEA, &["67.140.10"], "BNNPTNT"),
    p("instant-coffee", Food, r::COFFEE, &["67.140.20"], "BYT"),
    p("saffron", Food, r::SAFFRON, &["67.220.10"], "BYT"),
    p("non-alcoholic-malt-beverage", Food, r::MALT_BEVERAGE, &["67.160.20"], "BYT"),
    p("beer", Food, r::BEER, &["67.160.10"], "BYT"),
    p("bottled-water", Food, r::BOTTLED_WATER, &["67.160.20", "13.060.20"], "BYT"),
    p("carbonated-soft-drink", Food, r::SOFT_DRINK, &["67.160.20"], "BYT"),
    p("cotton-yarn", Textile, r::YARN, &["59.080.20"], "BCT"),
    p("polyester-woven-fabric", Textile, r::FABRIC, &["59.080.30"], "BCT"),
    p("machine-made-carpet", Textile, r::CARPET, &["97.150"], "BCT"),
    p("hand-knotted-carpet", Textile, r::CARPET, &["97.150"], "BCT"),
    p("mens-cotton-shirts", Textile, r::GARMENT, &["61.020"], "BCT"),
    p("cotton-t-shirts", Textile, r::GARMENT, &["61.020"], "BCT"),
    p("baby-garments", Textile, r::BABY_GARMENT, &["61.020", "97.190"], "BCT"),
    p("leather-shoes", Textile, r::FOOTWEAR, &["61.060"], "BCT"),
    p("sports-shoes", Textile, r::FOOTWEAR, &["61.060"], "BCT"),
    p("plastic-sandals", Textile, r::FOOTWEAR, &["61.060"], "BCT"),
    p("mdf-board", Wood, r::WOOD_PANEL, &["79.060.20"], "BXD"),
    p("corrugated-boxes", Paper, r::CORRUGATED, &["55.160", "85.060"], "BCT"),
    p("toilet-paper", Paper, r::TISSUE, &["85.080.20"], "BCT"),
    p("emulsion-paint", Chemical, r::PAINT, &["87.040"], "BXD"),
    p("laundry-powder", Chemical, r::DETERGENT, &["71.100.40"], "BCT"),
    p("toilet-soap", Chemical, r::SOAP, &["71.100.40", "71.100.70"], "BYT"),
    p("liquid-hand-wash", Chemical, r::LIQUID_CLEANSER, &["71.100.70"], "BYT"),
    p("shampoo", Chemical, r::LIQUID_CLEANSER, &["71.100.70"], "BYT"),
    p("toothpaste", Chemical, r::TOOTHPASTE, &["71.100.70"], "BYT"),
    p("passenger-car-tyres", Vehicle, r::CAR_TYRE, &["83.160.10"], "BGTVT"),
    p("motorcycle-tyres", Vehicle, r::MOTORCYCLE_TYRE, &["83.160.10"], "BGTVT"),
    p("pvc-pipes", Plastic, r::PVC_PIPE, &["23.040.20", "91.140.60"], "BXD"),
    p("polyethylene-pipes", Plastic, r::PE_PIPE, &["23.040.20"], "BXD"),
    p("float-glass", Building, r::FLOAT_GLASS, &["81.040.20"], "BXD"),
    p("laminated-windscreens", Vehicle, r::SAFETY_GLASS, &["43.040.65", "81.040.30"], "BGTVT"),
    p("porcelain-floor-tiles", Building, r::PORCELAIN_TILE, &["91.100.23"], "BXD"),
    p("ceramic-wall-tiles", Building, r::WALL_TILE, &["91.100.23"], "BXD"),
    p("clay-bricks", Building, r::CLAY_BRICK, &["91.100.25"], "BXD"),
    p("sanitary-ware", Building, r::SANITARY_WARE, &["91.140.70"], "BXD"),
    p("porcelain-tableware", Building, r::TABLEWARE, &["81.060.20", "67.250"], "BYT"),
    p("portland-cement", Building, r::CEMENT, &["91.100.10"], "BXD"),
    p("gypsum-board", Building, r::GYPSUM_BOARD, &["91.100.10"], "BXD"),
    p("steel-rebar", Metal, r::REBAR, &["77.140.15"], "BKHCN"),
    p("galvanised-steel-sheet", Metal, r::GALVANISED_SHEET, &["77.140.50"], "BCT"),
    p("welded-steel-pipes", Metal, r::STEEL_PIPE, &["23.040.10", "77.140.75"], "BCT"),
    p("aluminium-profiles", Metal, r::ALUMINIUM_PROFILE, &["77.150.10"], "BCT"),
    p("steel-panel-radiators", Metal, r::RADIATOR, &["91.140.10"], "BCT"),
    p("lpg-cylinders", Metal, r::LPG_CYLINDER, &["23.020.35"], "BCT"),
    p("stainless-cookware", Metal, r::COOKWARE, &["97.040.60"], "BYT"),
    p("distribution-transformers", Electrical, r::TRANSFORMER, &["29.180"], "BCT"),
    p("car-batteries", Electrical, r::BATTERY, &["29.220.20"], "BKHCN"),
    p("building-wire", Electrical, r::BUILDING_WIRE, &["29.060.20"], "BKHCN"),
    p("winding-wire", Electrical, r::WINDING_WIRE, &["29.060.10"], "BKHCN"),
    p("led-lamps", Electrical, r::LED_LAMP, &["29.140.99"], "BKHCN"),
    p("refrigerators", Electrical, r::REFRIGERATOR, &["97.040.30"], "BKHCN"),
    p("washing-machines", Electrical, r::WASHING_MACHINE, &["97.060"], "BKHCN"),
    p("gas-water-heaters", Gas, r::GAS_WATER_HEATER, &["91.140.65"], "BCT"),
    p("gas-cookers", Gas, r::GAS_COOKER, &["97.040.20"], "BCT"),
    p("gas-space-heaters", Gas, r::GAS_HEATER, &["97.100.20"], "BCT"),
    p("rice-cookers", Electrical, r::RICE_COOKER, &["97.040.50"], "BKHCN"),
    p("split-air-conditioners", Electrical, r::AIR_CONDITIONER, &["23.120", "27.080"], "BKHCN"),
    p("passenger-cars", Vehicle, r::CAR, &["43.100"], "BGTVT"),
    p("brake-pads", Vehicle, r::BRAKE_PAD, &["43.040.40"], "BGTVT"),
    p("shock-absorbers", Vehicle, r::SHOCK_ABSORBER, &["43.040.50"], "BGTVT"),
    p("motorcycles", Vehicle, r::MOTORCYCLE, &["43.140"], "BGTVT"),
    p("wooden-furniture", Wood, r::FURNITURE, &["97.140"], "BCT"),
    p("plastic-toys", Toy, r::TOY, &["97.200.50"], "BKHCN"),
];

/// The QCVN issuing ministry for a regulation issued in `year`: from 1 March 2025
/// Vietnam merged the Ministry of Transport into the Ministry of Construction (BXD), and
/// the ministries of agriculture (BNNPTNT) and of natural resources and environment
/// (BTNMT) into the Ministry of Agriculture and Environment (BNNMT), and the labour
/// ministry (BLĐTBXH) into the Ministry of Home Affairs (BNV).
pub(crate) fn ministry_in(ministry: &'static str, year: u16) -> &'static str {
    if year < 2025 {
        return ministry;
    }
    match ministry {
        "BGTVT" => "BXD",
        "BNNPTNT" | "BTNMT" => "BNNMT",
        "BLĐTBXH" => "BNV",
        other => other,
    }
}
