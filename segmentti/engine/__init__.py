"""Customers → segments: features, the registry of methods, the fitted model, metrics, the scan over k, RFM and rules."""
