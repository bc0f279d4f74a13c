//! Given/when/then rule tests of every domain: one integration-test binary, one module per
//! domain in `tests/scenarios/<name>.rs` (the inline module makes that the path `mod` finds).

mod scenarios {
    mod payments;
}
