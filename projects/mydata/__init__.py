"""« Mes données de santé » (issue 18): which published projects use data from
where a citizen was treated or insured, on what legal basis, and how to object."""
