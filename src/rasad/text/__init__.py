"""Text stage: normalisation, segmentation, numbers and dates of news Arabic and English."""
