"""Relations between actors with a time span: memberships, candidacies, chairs,
declared relation levels, treaties, non-recognition, sanctions."""
