"""Reports (issue 8; rules in docs/reports.md): periods, Biểu 06 computed in SQL, the morning dashboard,
follow-up lists, the Sổ theo dõi, and their XLSX / PDF / text renderings. Qt-free; plain data out."""
