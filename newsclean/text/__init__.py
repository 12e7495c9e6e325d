"""The plain-text engine: segmentation, classification, region, header reading."""
