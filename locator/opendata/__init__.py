"""Open data exports: GeoJSON and Open Referral HSDS."""
